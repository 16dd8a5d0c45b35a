-- The last position that recorded or superseded a fact of each zone (kept by ReportProjection with the facts): the
-- key under which Reports caches a zone's figures, read with one primary-key lookup (docs/performance.md, R3).
CREATE TABLE report_zone_change (
    zone_id       VARCHAR(40) NOT NULL PRIMARY KEY,
    last_position BIGINT      NOT NULL
);
INSERT INTO report_zone_change (zone_id, last_position)
SELECT zone_id, MAX(GREATEST(recorded_position, COALESCE(superseded_position, 0))) FROM report_fact GROUP BY zone_id;
