-- The replay now makes its shadow tables itself, each like its live table, when it starts, and drops them when it
-- ends (ADR 0021): a read model's table is written once, in its own migration, and its shadow can never differ from
-- it. The shadows V9 and V11 created are dropped here; their schema stays.
DROP TABLE IF EXISTS ${flyway:defaultSchema}_rebuild.zone_directory;
DROP TABLE IF EXISTS ${flyway:defaultSchema}_rebuild.annual_target;
DROP TABLE IF EXISTS ${flyway:defaultSchema}_rebuild.project_summary;
DROP TABLE IF EXISTS ${flyway:defaultSchema}_rebuild.report_fact;
DROP TABLE IF EXISTS ${flyway:defaultSchema}_rebuild.report_zone;
DROP TABLE IF EXISTS ${flyway:defaultSchema}_rebuild.report_target;
DROP TABLE IF EXISTS ${flyway:defaultSchema}_rebuild.report_position;
DROP TABLE IF EXISTS ${flyway:defaultSchema}_rebuild.warning_rules;
DROP TABLE IF EXISTS ${flyway:defaultSchema}_rebuild.project_warning;
DROP TABLE IF EXISTS ${flyway:defaultSchema}_rebuild.report_zone_change;
DROP TABLE IF EXISTS ${flyway:defaultSchema}_rebuild.project_arrival;
