package cn.zhaoshang.tracker.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.tracker.TrackerApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The postgres profile refuses the demo passwords and demo data, and starts with real users. */
class ProductionSafetyIT {

    private static final String REAL_PASSWORD =
            "{bcrypt}$2a$10$uSF7DxIDUYiC28S7HTQYwOS0V67NWjuSpyklsDPut7lfHeP62kLZC"; // "not-a-demo-password"

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
    void demo_data_stops_the_start_up() {
        assertThatThrownBy(() -> start(
                        "--tracker.demo-data=true",
                        "--tracker.bootstrap-users[0].username=chen",
                        "--tracker.bootstrap-users[0].password=" + REAL_PASSWORD,
                        "--tracker.bootstrap-users[0].roles=BUREAU",
                        "--tracker.bootstrap-users[0].scope.level=PROVINCE",
                        "--tracker.bootstrap-users[0].scope.id=hunan"))
                .rootCause()
                .isInstanceOf(ProductionSafety.UnsafeProductionSettings.class)
                .hasMessageContaining("demo data must not go into a production store")
                .message()
                .doesNotContain("demo password");
    }

    @Test
    void real_users_without_demo_data_start() {
        try (ConfigurableApplicationContext started = start(
                "--tracker.bootstrap-users[0].username=chen",
                "--tracker.bootstrap-users[0].password=" + REAL_PASSWORD,
                "--tracker.bootstrap-users[0].roles=BUREAU",
                "--tracker.bootstrap-users[0].scope.level=PROVINCE",
                "--tracker.bootstrap-users[0].scope.id=hunan")) {
            assertThat(started.getBean(ProductionSafety.class)).isNotNull();
            assertThat(started.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("SELECT username FROM user_account")
                            .query(String.class)
                            .list())
                    .containsExactly("chen");
        }
    }

    /** The postgres profile on an in-memory H2: the check does not depend on the database. */
    private static ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 3];
        all[0] = "--spring.datasource.url=jdbc:h2:mem:safety-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        all[1] = "--spring.datasource.username=sa";
        all[2] = "--server.port=0";
        System.arraycopy(arguments, 0, all, 3, arguments.length);
        return new SpringApplicationBuilder(TrackerApplication.class)
                .profiles("postgres")
                .run(all);
    }
}
