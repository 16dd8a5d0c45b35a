-- The evidence attached to each project (project.ProjectEvidence, rebuilt by the replay): one row per EvidenceAttached,
-- found by the event's identifier, whose global position the list reads from the event table.
CREATE TABLE project_evidence (
    event_id      VARCHAR(255)  NOT NULL PRIMARY KEY,
    project_id    VARCHAR(64)   NOT NULL,
    sha256        CHAR(64)      NOT NULL,
    file_name     VARCHAR(200)  NOT NULL,
    media_type    VARCHAR(100)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    attached_to   BIGINT        NOT NULL,
    note          VARCHAR(1000),
    recorded_by   VARCHAR(64)   NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX project_evidence_project ON project_evidence (project_id);
CREATE INDEX project_evidence_sha256 ON project_evidence (sha256);
