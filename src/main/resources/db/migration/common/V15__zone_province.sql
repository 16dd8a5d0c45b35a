-- Zones carry their province (ZoneRegistered revision 2, docs/event-catalogue.md). Every zone registered before was
-- one of Hunan, the out-of-the-box tracker.default-province: the value zone.ZoneRegisteredUpcaster gives their
-- revision 1 events, so that these rows are what a replay of the history writes. The default is dropped again: from
-- now on each registration writes its own province.
ALTER TABLE zone_directory ADD COLUMN province VARCHAR(40) DEFAULT 'hunan' NOT NULL;
ALTER TABLE zone_directory ALTER COLUMN province DROP DEFAULT;

ALTER TABLE report_zone ADD COLUMN province VARCHAR(40) DEFAULT 'hunan' NOT NULL;
ALTER TABLE report_zone ALTER COLUMN province DROP DEFAULT;
CREATE INDEX report_zone_province ON report_zone (province);
