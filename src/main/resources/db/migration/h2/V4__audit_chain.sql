-- Commands that append events take this row lock first, so events commit in the order of their global position
-- (no later position is ever visible before an earlier one): the hash chain and every tracking processor see the
-- history as a growing prefix. See docs/adr/0007-hash-chain.md.
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

-- History is append-only: even a bug in the application cannot rewrite it.
CREATE TRIGGER domain_event_append_only BEFORE UPDATE, DELETE ON DomainEventEntry
    FOR EACH ROW CALL 'cn.zhaoshang.tracker.platform.AppendOnlyTrigger';
CREATE TRIGGER event_hash_append_only BEFORE UPDATE, DELETE ON event_hash
    FOR EACH ROW CALL 'cn.zhaoshang.tracker.platform.AppendOnlyTrigger';
CREATE TRIGGER idempotency_key_append_only BEFORE UPDATE, DELETE ON idempotency_key
    FOR EACH ROW CALL 'cn.zhaoshang.tracker.platform.AppendOnlyTrigger';
