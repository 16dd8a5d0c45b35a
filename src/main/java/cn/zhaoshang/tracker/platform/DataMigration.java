package cn.zhaoshang.tracker.platform;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java because it fills tables from the stored events, named by its version and
 * description rather than by its class name, so that the class can say what it does. It runs in the migration's
 * transaction and has no checksum: what it reads are the events, not a script that could be edited. Public for
 * tools that migrate a database without the application.
 */
public abstract class DataMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    /** The description is part of Flyway's history of an applied migration: never change it afterwards. */
    protected DataMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
