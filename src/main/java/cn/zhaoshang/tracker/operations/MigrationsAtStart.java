package cn.zhaoshang.tracker.operations;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An instance migrates the schema at start when it may: always on the embedded store, and on PostgreSQL only when
 * given the schema owner's credentials ({@code spring.flyway.user}). Otherwise it only checks that nothing is pending
 * and refuses to start if something is, naming the step that migrates ({@code java -jar … migrate}).
 */
@Configuration(proxyBeanMethods = false)
class MigrationsAtStart {

    @Bean
    FlywayMigrationStrategy migrateOrCheck(
            @Value("${tracker.migrate-without-owner:true}") boolean withoutOwner,
            @Value("${spring.flyway.user:}") String owner) {
        return flyway -> {
            if (withoutOwner || !owner.isBlank()) {
                flyway.migrate();
                return;
            }
            MigrationInfo[] pending = flyway.info().pending();
            if (pending.length > 0) {
                throw new IllegalStateException(("数据库结构未迁移到本版本 / the schema is not migrated to this version"
                                + " (pending: %s): run java -jar investment-tracker.jar migrate as the schema owner"
                                + " (SPRING_FLYWAY_USER, SPRING_FLYWAY_PASSWORD) first, docs/operations.md")
                        .formatted(Arrays.stream(pending)
                                .map(info -> "V" + info.getVersion())
                                .collect(Collectors.joining(", "))));
            }
        };
    }
}
