package cn.zhaoshang.tracker;

import cn.zhaoshang.tracker.audit.ChainEventsNotYetChained;
import cn.zhaoshang.tracker.project.FillArrivalTable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar investment-tracker.jar migrate}: brings the store's schema to this version as the schema owner
 * ({@code SPRING_FLYWAY_USER}, {@code SPRING_FLYWAY_PASSWORD}) and exits, with the same settings (profiles,
 * environment, config files) as the application, so that the instances themselves never hold the owner's password.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@Import({FillArrivalTable.class, ChainEventsNotYetChained.class})
class Migrations {

    /** Exit status 0 when the schema is current, 1 when a migration failed (the message says which). */
    static int run(String... arguments) {
        try {
            // Flyway migrates while the context starts; there is nothing else to do in it
            new SpringApplicationBuilder(Migrations.class)
                    .web(WebApplicationType.NONE)
                    .logStartupInfo(false)
                    .run(arguments)
                    .close();
            return 0;
        } catch (RuntimeException failed) {
            Throwable cause = failed;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            System.err.println("迁移失败 / migration failed: " + cause.getMessage());
            return 1;
        }
    }
}
