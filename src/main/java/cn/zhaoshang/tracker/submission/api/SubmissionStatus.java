package cn.zhaoshang.tracker.submission.api;

/** Where a submission stands (governance.md §3). */
public enum SubmissionStatus {
    SUBMITTED,
    ACCEPTED,
    RETURNED,
    SUPERSEDED
}
