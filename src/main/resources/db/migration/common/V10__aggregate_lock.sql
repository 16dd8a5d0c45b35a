-- A row per aggregate that an HTTP command has changed. The command updates its aggregate's row first and holds it
-- to its commit (platform/CommandTransaction, ADR 0015): a second command on the same aggregate loads it only after
-- the first committed, and commands on different aggregates no longer wait for each other. Nothing reads the count.
CREATE TABLE aggregate_lock (
    aggregate_id VARCHAR(255) NOT NULL PRIMARY KEY,
    commands     BIGINT       NOT NULL
);
