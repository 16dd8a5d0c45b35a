package cn.zhaoshang.tracker.submission.api;

/**
 * What a zone-month is waiting for, and from whom: the bureau's report of an ended month (due by the due day, overdue
 * after it, also after a return), or the reviewer's decision on a submission waiting longer than the setting allows.
 */
public enum SubmissionWarningKind {
    MONTH_DUE("月报待报送", "monthly report due", false),
    MONTH_OVERDUE("月报逾期未报送", "monthly report overdue", false),
    REVIEW_WAITING("报送待审核超期", "submission waiting for review", true);

    private final String chinese;
    private final String english;
    private final boolean forReviewer;

    SubmissionWarningKind(String chinese, String english, boolean forReviewer) {
        this.chinese = chinese;
        this.english = english;
        this.forReviewer = forReviewer;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** The reviewer's to act on; otherwise the zone's bureau. */
    public boolean forReviewer() {
        return forReviewer;
    }
}
