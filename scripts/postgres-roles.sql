-- One-time setup of a PostgreSQL database for the tracker (docs/operations.md), run by a database administrator
-- connected to the (empty) database that will hold it, e.g.
--   createdb tracker && psql -d tracker -v ON_ERROR_STOP=1 -f scripts/postgres-roles.sql
-- then set the two passwords: ALTER ROLE tracker_owner PASSWORD '...'; ALTER ROLE tracker_app PASSWORD '...';
--
-- tracker_owner owns the schema and everything in it: the migration step runs as this role before the instances
--               start and before an upgrade (java -jar investment-tracker.jar migrate with SPRING_FLYWAY_USER and
--               SPRING_FLYWAY_PASSWORD). Nobody else connects as it; the instances never hold its password.
-- tracker_app   is what the application instances connect as (SPRING_DATASOURCE_USERNAME). It owns nothing but the
--               replay's scratch tables in tracker_rebuild, so it
--               can neither ALTER, DROP nor TRUNCATE a table, nor disable a trigger. After every migration Flyway
--               grants it read and write on the tables, and only SELECT and INSERT on the history:
--               DomainEventEntry, event_hash, idempotency_key (db/migration/postgresql/afterMigrate.sql); the
--               append-only triggers refuse UPDATE and DELETE there even to the owner.
-- Roles belong to the cluster, schemas to the database: run again on a cluster that has the roles (a second database,
-- a restore), the script skips what exists. Roles made here have no password: set them (docs/operations.md).
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tracker_owner') THEN CREATE ROLE tracker_owner LOGIN; END IF; END $$;
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tracker_app') THEN CREATE ROLE tracker_app LOGIN; END IF; END $$;
CREATE SCHEMA IF NOT EXISTS tracker AUTHORIZATION tracker_owner;
-- the replay's shadow tables (ADR 0021): the application creates them there when a replay starts and drops them after
CREATE SCHEMA IF NOT EXISTS tracker_rebuild AUTHORIZATION tracker_owner;
ALTER ROLE tracker_owner SET search_path = tracker;
ALTER ROLE tracker_app SET search_path = tracker;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA tracker TO tracker_app;
GRANT USAGE, CREATE ON SCHEMA tracker_rebuild TO tracker_app;
