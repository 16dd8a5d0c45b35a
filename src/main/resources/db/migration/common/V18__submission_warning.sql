-- The zone-months that wait for a report or a review now (submission.SubmissionWarnings, rebuilt by the replay).
CREATE TABLE submission_warning (
    zone_id          VARCHAR(40) NOT NULL,
    warning_year     INTEGER     NOT NULL,
    warning_month    INTEGER     NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    submission_id    VARCHAR(64),
    due_on           DATE        NOT NULL,
    raised_on        DATE        NOT NULL,
    PRIMARY KEY (zone_id, warning_year, warning_month)
);
