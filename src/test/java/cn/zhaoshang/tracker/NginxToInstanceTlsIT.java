package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * TLS between nginx and the instances as docs/operations.md writes it: the instance serves its certificate through
 * Spring Boot's SSL bundle, nginx checks it against the instances' CA and the name it expects, and refuses an instance
 * whose certificate that CA did not sign.
 */
class NginxToInstanceTlsIT {

    @TempDir
    static Path work;

    @BeforeAll
    static void needsNginx() {
        TestNginx.assumeInstalled();
    }

    @Test
    void nginx_reaches_the_instance_over_verified_tls_and_refuses_a_certificate_it_does_not_trust() throws Exception {
        TestCertificates.ForLocalhost certificates = TestCertificates.forLocalhost(work);
        try (ConfigurableApplicationContext instance = new SpringApplicationBuilder(TrackerApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:h2:mem:nginx-tls;DB_CLOSE_DELAY=-1",
                        "--server.port=0",
                        "--tracker.demo-data=false",
                        "--tracker.signing.key-file=" + work.resolve("signing-key"),
                        "--spring.jmx.enabled=false",
                        "--spring.ssl.bundle.pem.tracker.keystore.certificate=" + certificates.localhost(),
                        "--spring.ssl.bundle.pem.tracker.keystore.private-key="
                                + TestCertificates.keyOf(certificates.localhost()),
                        "--server.ssl.bundle=tracker")) {
            int instancePort = instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            int trusting = TestNginx.freePort();
            int distrusting = TestNginx.freePort();
            try (TestNginx nginx = TestNginx.start(
                    work,
                    """
                      upstream tracker { server 127.0.0.1:%d; keepalive 8; }
                      server {
                        listen 127.0.0.1:%d;
                        location / {
                          proxy_pass https://tracker;
                          proxy_http_version 1.1;
                          proxy_set_header Connection "";
                          proxy_ssl_verify on;
                          proxy_ssl_trusted_certificate %s;
                          proxy_ssl_name localhost;
                        }
                      }
                      server {
                        listen 127.0.0.1:%d;
                        location / {
                          # an upstream of its own: nginx resumes TLS sessions per upstream server, unverified
                          proxy_pass https://127.0.0.1:%d;
                          proxy_ssl_verify on;
                          proxy_ssl_trusted_certificate %s;
                          proxy_ssl_name localhost;
                        }
                      }
                    """
                            .formatted(
                                    instancePort,
                                    trusting,
                                    certificates.ca(),
                                    distrusting,
                                    instancePort,
                                    certificates.stranger()),
                    distrusting)) {
                HttpClient http = HttpClient.newHttpClient();

                HttpResponse<String> verified = get(http, trusting);
                assertThat(verified.statusCode()).as(nginx::errors).isEqualTo(200);
                assertThat(verified.body()).contains("\"UP\"");
                assertThat(get(http, distrusting).statusCode()).isEqualTo(502);
                assertThat(nginx.errors()).contains("upstream SSL certificate verify error");
            }
        }
    }

    private static HttpResponse<String> get(HttpClient http, int port) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
