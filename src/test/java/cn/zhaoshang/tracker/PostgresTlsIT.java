package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
        Path ca = certificate("ca", "/CN=tracker-test-ca", null);
        Path server = certificate("server", "/CN=localhost", ca);
        Path stranger = certificate("stranger", "/CN=tracker-other-ca", null);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig(
                        "ssl_cert_file", server.resolveSibling("server.crt").toString())
                .setServerConfig(
                        "ssl_key_file", server.resolveSibling("server.key").toString())
                .start()) {
            String url = "jdbc:postgresql://localhost:%d/postgres?sslmode=verify-full&sslrootcert=%s"
                    .formatted(postgres.getPort(), ca.resolveSibling("ca.crt"));

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

            String foreign = url.replace(
                    ca.resolveSibling("ca.crt").toString(),
                    stranger.resolveSibling("stranger.crt").toString());
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

    /** A key and certificate made with openssl; signed by {@code ca} when given, else self-signed (a CA). */
    private static Path certificate(String name, String subject, Path ca) throws Exception {
        Path key = certificates.resolve(name + ".key");
        Path crt = certificates.resolve(name + ".crt");
        List<String> command = ca == null
                ? List.of(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "2",
                        "-subj",
                        subject,
                        "-keyout",
                        key.toString(),
                        "-out",
                        crt.toString())
                : List.of(
                        "bash",
                        "-c",
                        ("openssl req -new -newkey rsa:2048 -nodes -subj '%s' -keyout %s -out %s.csr"
                                        + " && openssl x509 -req -in %s.csr -CA %s -CAkey %s -CAcreateserial -days 2"
                                        + " -extfile <(printf 'subjectAltName=DNS:localhost') -out %s")
                                .formatted(
                                        subject,
                                        key,
                                        crt,
                                        crt,
                                        ca.resolveSibling("ca.crt"),
                                        ca.resolveSibling("ca.key"),
                                        crt));
        Process made = new ProcessBuilder(command).redirectErrorStream(true).start();
        String printed = new String(made.getInputStream().readAllBytes());
        if (made.waitFor() != 0) {
            throw new IllegalStateException("openssl failed: " + printed);
        }
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        return crt;
    }
}
