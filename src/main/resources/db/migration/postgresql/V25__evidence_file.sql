-- Evidence files, by the SHA-256 of their bytes (ADR 0030): the events name them by that hash. Stored once however
-- often attached, never changed, removed or truncated.
CREATE TABLE evidence_file (
    sha256      CHAR(64)     NOT NULL PRIMARY KEY,
    media_type  VARCHAR(100) NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    content     BYTEA        NOT NULL,
    stored_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TRIGGER evidence_file_append_only BEFORE UPDATE OR DELETE ON evidence_file
    FOR EACH ROW EXECUTE FUNCTION reject_rewrite();
CREATE TRIGGER evidence_file_no_truncate BEFORE TRUNCATE ON evidence_file
    FOR EACH STATEMENT EXECUTE FUNCTION reject_rewrite();
