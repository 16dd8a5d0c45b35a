package cn.zhaoshang.tracker.operations;

import static cn.zhaoshang.tracker.ProductionSecrets.KEY;
import static cn.zhaoshang.tracker.ProductionSecrets.REAL_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.tracker.TrackerApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The postgres profile refuses the demo passwords and demo data, and starts with real users. */
class ProductionSafetyIT {

    @Test
    void demo_passwords_stop_the_start_up() {
        assertThatThrownBy(() -> start("--tracker.demo-data=false"))
                .rootCause()
                .hasMessageContaining("user admin has a demo password")
                .hasMessageContaining("user bureau has a demo password")
                .hasMessageContaining("user reviewer has a demo password")
                .hasMessageContaining("user leader has a demo password")
                .hasMessageContaining("user auditor has a demo password");
    }

    @Test
    void a_password_in_plain_text_stops_the_start_up() {
        assertThatThrownBy(() -> start(
                        "--tracker.demo-data=false",
                        "--tracker.bootstrap-users[0].username=chen",
                        "--tracker.bootstrap-users[0].password={noop}a-long-plain-password",
                        "--tracker.bootstrap-users[0].roles=BUREAU",
                        "--tracker.bootstrap-users[0].scope.level=PROVINCE",
                        "--tracker.bootstrap-users[0].scope.id=hunan"))
                .rootCause()
                .hasMessageContaining("user chen has a password that is not a {bcrypt} hash")
                .hasMessageContaining("hash-password");
    }

    @Test
    void no_signing_key_stops_the_start_up() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(TrackerApplication.class)
                        .profiles("postgres")
                        .run(withChen(
                                "--spring.datasource.url=jdbc:h2:mem:safety-" + System.nanoTime()
                                        + ";DB_CLOSE_DELAY=-1",
                                "--spring.datasource.username=sa",
                                "--spring.flyway.user=sa",
                                "--server.port=0",
                                "--tracker.demo-data=false")))
                .rootCause()
                .hasMessageContaining("refusing to start without a signing key")
                .hasMessageContaining("tracker.signing.key-file");
    }

    @Test
    void demo_data_stops_the_start_up() {
        assertThatThrownBy(() -> start(withChen("--tracker.demo-data=true")))
                .rootCause()
                .isInstanceOf(ProductionSafety.UnsafeProductionSettings.class)
                .hasMessageContaining("demo data must not go into a production store")
                .message()
                .doesNotContain("demo password");
    }

    @Test
    void settings_are_read_from_a_folder_of_secret_files_as_the_installed_service_reads_them(@TempDir Path secrets)
            throws Exception {
        // the file's name is the setting; here one whose effect the start shows at once
        Files.writeString(secrets.resolve("tracker.demo-data"), "true");
        assertThatThrownBy(() -> start(withChen("--spring.config.import=optional:configtree:" + secrets + "/")))
                .rootCause()
                .hasMessageContaining("demo data must not go into a production store");
    }

    @Test
    void real_users_without_demo_data_start() {
        try (ConfigurableApplicationContext started = start(withChen())) {
            assertThat(started.getBean(ProductionSafety.class)).isNotNull();
            assertThat(started.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("SELECT username FROM user_account")
                            .query(String.class)
                            .list())
                    .containsExactly("chen");
        }
    }

    /** The settings, and one real user: chen, a bureau of the whole province, whose password is a bcrypt hash. */
    private static String[] withChen(String... settings) {
        return Stream.concat(
                        Stream.of(settings),
                        Stream.of(
                                "--tracker.bootstrap-users[0].username=chen",
                                "--tracker.bootstrap-users[0].password=" + REAL_PASSWORD,
                                "--tracker.bootstrap-users[0].roles=BUREAU",
                                "--tracker.bootstrap-users[0].scope.level=PROVINCE",
                                "--tracker.bootstrap-users[0].scope.id=hunan"))
                .toArray(String[]::new);
    }

    /** The postgres profile on an in-memory H2: the check does not depend on the database. */
    private static ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 6];
        all[0] = "--spring.datasource.url=jdbc:h2:mem:safety-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        all[1] = "--spring.datasource.username=sa";
        all[2] = "--server.port=0";
        // the operator's key: made here for the test, as an operator makes it before the first start
        all[3] = "--tracker.signing.key-file=" + KEY;
        all[4] = "--tracker.signing.create-key=true";
        // the instance is given the migration credentials: it migrates at start
        all[5] = "--spring.flyway.user=sa";
        System.arraycopy(arguments, 0, all, 6, arguments.length);
        return new SpringApplicationBuilder(TrackerApplication.class)
                .profiles("postgres")
                .run(all);
    }
}
