package cn.zhaoshang.tracker;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A database of its own for a test without Spring: in-memory H2, migrated as the application migrates H2. */
public final class MigratedH2 {

    private MigratedH2() {}

    /**
     * A new in-memory database named after {@code purpose}, with every SQL migration applied (the Java ones, V12 and
     * V20, would find nothing to do on an empty store). It lives until the JVM ends or the test shuts it down.
     */
    public static JdbcDataSource create(String purpose) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + purpose + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        return dataSource;
    }
}
