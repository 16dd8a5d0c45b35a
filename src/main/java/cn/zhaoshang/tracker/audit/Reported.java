package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.submission.api.MonthSubmitted;
import cn.zhaoshang.tracker.submission.api.SubmissionAccepted;
import cn.zhaoshang.tracker.submission.api.SubmissionReturned;
import cn.zhaoshang.tracker.submission.api.SubmissionSuperseded;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningCleared;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningRaised;

/** The audit's sentences for the monthly submissions (报送) and their reviews. */
final class Reported {

    private Reported() {}

    /** The line of a submission event, or null for any other event. */
    static Timeline.Line describe(Object event) {
        if (event instanceof MonthSubmitted e) {
            String restated = e.restatementOf() == null ? "" : "（重新报送，替代 " + e.restatementOf() + "）";
            String restatedEn = e.restatementOf() == null ? "" : " (restating " + e.restatementOf() + ")";
            return new Timeline.Line(
                    "%s 报送 %d年%d月数据%s，截至 %s，历史位置 %d"
                            .formatted(e.zoneId(), e.year(), e.month(), restated, e.asOf(), e.position()),
                    "%s submitted %d-%02d%s, as of %s, at position %d"
                            .formatted(e.zoneId(), e.year(), e.month(), restatedEn, e.asOf(), e.position()));
        }
        if (event instanceof SubmissionAccepted e) {
            return new Timeline.Line(
                    "接受 %s 的报送 %s".formatted(e.zoneId(), e.submissionId()),
                    "submission %s of %s accepted".formatted(e.submissionId(), e.zoneId()));
        }
        if (event instanceof SubmissionReturned e) {
            return new Timeline.Line(
                    "退回 %s 的报送 %s".formatted(e.zoneId(), e.submissionId()),
                    "submission %s of %s returned".formatted(e.submissionId(), e.zoneId()));
        }
        if (event instanceof SubmissionSuperseded e) {
            return new Timeline.Line(
                    "%s 的报送 %s 已被重新报送 %s 替代".formatted(e.zoneId(), e.submissionId(), e.supersededBy()),
                    "submission %s of %s superseded by %s".formatted(e.submissionId(), e.zoneId(), e.supersededBy()));
        }
        if (event instanceof SubmissionWarningRaised e) {
            String waiting = e.kind().forReviewer() ? "报送 " + e.submissionId() + " " : "";
            String waitingEn = e.kind().forReviewer() ? " (submission " + e.submissionId() + ")" : "";
            return new Timeline.Line(
                    "报送预警：%s %d年%d月%s%s（期限 %s）"
                            .formatted(
                                    e.zoneId(),
                                    e.year(),
                                    e.month(),
                                    waiting,
                                    e.kind().chinese(),
                                    e.dueOn()),
                    "submission warning: %s %d-%02d%s %s (due %s)"
                            .formatted(
                                    e.zoneId(),
                                    e.year(),
                                    e.month(),
                                    waitingEn,
                                    e.kind().english(),
                                    e.dueOn()));
        }
        if (event instanceof SubmissionWarningCleared e) {
            return new Timeline.Line(
                    "解除报送预警：%s %d年%d月 %s（%s）"
                            .formatted(e.zoneId(), e.year(), e.month(), e.kind().chinese(), e.clearedOn()),
                    "submission warning cleared: %s %d-%02d %s (%s)"
                            .formatted(e.zoneId(), e.year(), e.month(), e.kind().english(), e.clearedOn()));
        }
        return null;
    }
}
