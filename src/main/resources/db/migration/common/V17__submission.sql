-- Monthly submissions (报送) and their reviews (submission.SubmissionBook, a read model rebuilt by the replay), written
-- in the transaction of the command: the submitting rule reads a zone-month's submissions here.
CREATE TABLE submission (
    submission_id      VARCHAR(64)              NOT NULL PRIMARY KEY,
    zone_id            VARCHAR(40)              NOT NULL,
    submission_year    INTEGER                  NOT NULL,
    submission_month   INTEGER                  NOT NULL,
    as_of              DATE                     NOT NULL,
    position           BIGINT                   NOT NULL,
    position_hash      VARCHAR(128)             NOT NULL,
    -- the frozen zone-year figures, JSON as the event holds them
    figures            VARCHAR(20000)           NOT NULL,
    note               VARCHAR(1000),
    restatement_of     VARCHAR(64),
    restatement_reason VARCHAR(1000),
    status             VARCHAR(12)              NOT NULL,
    submitted_by       VARCHAR(64)              NOT NULL,
    submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX submission_zone_month ON submission (zone_id, submission_year, submission_month);

CREATE TABLE submission_review (
    submission_id VARCHAR(64)              NOT NULL,
    sequence_no   BIGINT                   NOT NULL,
    decision      VARCHAR(12)              NOT NULL,
    opinion       VARCHAR(1000),
    reviewed_by   VARCHAR(64)              NOT NULL,
    reviewed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (submission_id, sequence_no)
);
