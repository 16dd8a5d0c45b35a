-- Runs after every Flyway migration on PostgreSQL, as the schema owner (docs/operations.md, scripts/postgres-roles.sql).
-- The application role ${appRole} owns nothing: it may read and write the tables, and only read and append the
-- history. If that role does not exist (a single-role test or trial database), nothing is granted.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${appRole}') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), '${appRole}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I',
                       current_schema(), '${appRole}');
        EXECUTE format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA %I FROM %I',
                       current_schema(), '${appRole}');
        EXECUTE format('REVOKE UPDATE, DELETE ON domainevententry, event_hash, idempotency_key, chain_checkpoint, signing_key, access_record, evidence_file FROM %I',
                       '${appRole}');
        -- the instances read the migration history to refuse to start on a schema older than their version
        EXECUTE format('REVOKE ALL ON %I FROM %I', '${flyway:table}', '${appRole}');
        EXECUTE format('GRANT SELECT ON %I TO %I', '${flyway:table}', '${appRole}');
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), '${appRole}');
        -- the replay makes its shadow tables in their own schema and drops them again (ADR 0021): it may create
        -- there, and nowhere else
        IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = current_schema() || '_rebuild') THEN
            EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO %I', current_schema() || '_rebuild', '${appRole}');
        END IF;
    END IF;
END
$$;
