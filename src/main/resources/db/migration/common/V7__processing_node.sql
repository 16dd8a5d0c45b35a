-- The application instances that are alive: each one says so every few seconds, and together they share the
-- tracking processors' segments by that count (platform/SegmentBalancer, docs/operations.md).
CREATE TABLE processing_node (
    node_id VARCHAR(255)             NOT NULL PRIMARY KEY,
    seen_at TIMESTAMP WITH TIME ZONE NOT NULL
);
