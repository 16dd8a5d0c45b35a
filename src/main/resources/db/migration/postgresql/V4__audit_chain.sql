-- PostgreSQL twin of h2/V4 (docs/adr/0010).
-- Commands that append events take this row lock first, so events commit in the order of their global position
-- (no later position is ever visible before an earlier one): the hash chain and every tracking processor see the
-- history as a growing prefix. The row lock holds across all instances sharing the database. See docs/adr/0007.
CREATE TABLE append_lock (
    id      INTEGER NOT NULL PRIMARY KEY,
    appends BIGINT  NOT NULL
);
INSERT INTO append_lock (id, appends) VALUES (1, 0);

-- The tamper-evident chain: hash(n) = SHA-256 over hash(n-1) and the stored event at position n (docs/auditing.md).
CREATE TABLE event_hash (
    position BIGINT   NOT NULL PRIMARY KEY,
    hash     CHAR(64) NOT NULL
);

-- History is append-only: even a bug in the application cannot rewrite it. Same SQLSTATE as the H2 trigger
-- (platform/AppendOnlyTrigger); TRUNCATE, which skips row triggers, is refused as well.
CREATE FUNCTION reject_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: rows cannot be updated or deleted', TG_TABLE_NAME USING ERRCODE = '23513';
END
$$;

CREATE TRIGGER domain_event_append_only BEFORE UPDATE OR DELETE ON DomainEventEntry
    FOR EACH ROW EXECUTE FUNCTION reject_rewrite();
CREATE TRIGGER domain_event_no_truncate BEFORE TRUNCATE ON DomainEventEntry
    FOR EACH STATEMENT EXECUTE FUNCTION reject_rewrite();
CREATE TRIGGER event_hash_append_only BEFORE UPDATE OR DELETE ON event_hash
    FOR EACH ROW EXECUTE FUNCTION reject_rewrite();
CREATE TRIGGER event_hash_no_truncate BEFORE TRUNCATE ON event_hash
    FOR EACH STATEMENT EXECUTE FUNCTION reject_rewrite();
CREATE TRIGGER idempotency_key_append_only BEFORE UPDATE OR DELETE ON idempotency_key
    FOR EACH ROW EXECUTE FUNCTION reject_rewrite();
CREATE TRIGGER idempotency_key_no_truncate BEFORE TRUNCATE ON idempotency_key
    FOR EACH STATEMENT EXECUTE FUNCTION reject_rewrite();
