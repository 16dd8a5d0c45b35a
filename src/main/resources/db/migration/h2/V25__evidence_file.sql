-- Evidence files, by the SHA-256 of their bytes (ADR 0030): the events name them by that hash. Stored once however
-- often attached, never changed or removed.
CREATE TABLE evidence_file (
    sha256      CHAR(64)     NOT NULL PRIMARY KEY,
    media_type  VARCHAR(100) NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    content     BLOB         NOT NULL,
    stored_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TRIGGER evidence_file_append_only BEFORE UPDATE, DELETE ON evidence_file
    FOR EACH ROW CALL 'cn.zhaoshang.tracker.platform.AppendOnlyTrigger';
