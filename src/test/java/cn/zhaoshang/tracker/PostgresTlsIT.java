package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application reaches PostgreSQL over TLS as docs/operations.md writes it ({@code sslmode=verify-full} with the
 * server's CA): the connection is encrypted, and a server whose certificate the CA did not sign is refused.
 */
class PostgresTlsIT {

    @TempDir
    static Path certificates;

    @BeforeAll
    static void needsPostgres() {
        EmbeddedPostgresServer.assumeUsable();
    }

    @Test
    void the_instance_connects_with_verify_full_and_a_foreign_certificate_is_refused() throws Exception {
        TestCertificates.ForLocalhost made = TestCertificates.forLocalhost(certificates);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", made.localhost().toString())
                .setServerConfig(
                        "ssl_key_file", TestCertificates.keyOf(made.localhost()).toString())
                .start()) {
            String url = "jdbc:postgresql://localhost:%d/postgres?sslmode=verify-full&sslrootcert=%s"
                    .formatted(postgres.getPort(), made.ca());

            try (ConfigurableApplicationContext instance = new SpringApplicationBuilder(TrackerApplication.class)
                    .run(
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--server.port=0",
                            "--tracker.demo-data=false",
                            "--spring.jmx.enabled=false")) {
                assertThat(instance.getBean(JdbcClient.class)
                                .sql("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                                .query(Boolean.class)
                                .single())
                        .isTrue();
            }

            String foreign = url.replace(made.ca().toString(), made.stranger().toString());
            assertThatThrownBy(() -> {
                        try (Connection refused = DriverManager.getConnection(foreign, "postgres", "")) {
                            refused.isValid(1);
                        }
                    })
                    .isInstanceOf(SQLException.class);
            try (Connection plain = DriverManager.getConnection(url, "postgres", "");
                    ResultSet row = plain.createStatement()
                            .executeQuery("SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).startsWith("TLS");
            }
        }
    }
}
