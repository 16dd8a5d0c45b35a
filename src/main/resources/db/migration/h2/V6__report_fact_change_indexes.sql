-- The last position that recorded or superseded a fact of a zone (ReportRows.lastChange): the key of the cached
-- zone-year figures, read by two index seeks per zone instead of a scan of its facts (docs/performance.md).
CREATE INDEX report_fact_zone_recorded ON report_fact (zone_id, recorded_position);
CREATE INDEX report_fact_zone_superseded ON report_fact (zone_id, superseded_position);
