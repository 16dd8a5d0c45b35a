package cn.zhaoshang.tracker.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.EmbeddedStore;
import cn.zhaoshang.tracker.TrackerApplication;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Investor;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.SignProject;
import cn.zhaoshang.tracker.zone.api.RegisterZone;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A warning check scheduled before a restart comes due after it: the first run stores the deadline but does not
 * poll again, the second run (on the same H2 file) finds it in db-scheduler's table and raises the warning.
 */
class WarningRestartIT {

    private static final Path STORE = Path.of("target", "warning-restart-it");

    @Test
    void a_check_scheduled_before_a_restart_raises_its_warning_after_it() throws Exception {
        delete(STORE);
        ProjectId project = ProjectId.random();
        try (ConfigurableApplicationContext first = start("1h")) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new RegisterZone("restart", "重启测试开发区", "hengyang", "hunan"));
            commands.sendAndWait(new SignProject(
                    project,
                    "restart",
                    "重启测试项目",
                    new Investor("投资方", "CN", null),
                    Industry.OTHER,
                    LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(200),
                    new BigDecimal("100000000"),
                    null,
                    null));
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            // the project's warning check, and the zone's submission check (the end of this month)
            await(() -> count(jdbc, "SELECT COUNT(*) FROM scheduled_tasks") == 2);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM project_warning")).isZero();
        }

        try (ConfigurableApplicationContext second = start("200ms")) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            await(() -> count(jdbc, "SELECT COUNT(*) FROM project_warning WHERE colour = 'YELLOW'") == 1);
            assertThat(count(
                            jdbc,
                            "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = '" + project
                                    + "/warning'"))
                    .isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(String polling) {
        // arguments, not default properties: application.yml would override those
        return new SpringApplicationBuilder(TrackerApplication.class)
                .run(
                        "--spring.datasource.url=" + EmbeddedStore.url(STORE.resolve("tracker")),
                        "--server.port=0",
                        "--tracker.demo-data=false",
                        "--db-scheduler.polling-interval=" + polling);
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not reached within 20 s");
            }
            Thread.sleep(100);
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
