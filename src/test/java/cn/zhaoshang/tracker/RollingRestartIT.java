package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rolling restart as docs/operations.md describes it: two instances of the jar on one PostgreSQL database behind
 * nginx with the documented upstream settings (kept-alive connections, retry on another instance when a connection
 * fails), under a steady load of commands and reads; each instance in turn is stopped with SIGTERM (as systemd does)
 * and started again. Not one request may fail: the instance drains, then stops taking connections, then finishes
 * what it has.
 */
class RollingRestartIT {

    @TempDir
    Path work;

    private final List<RunningJar> instances = new ArrayList<>();
    private TestNginx nginx;

    @BeforeAll
    static void needsPostgresAndNginx() {
        EmbeddedPostgresServer.assumeUsable();
        TestNginx.assumeInstalled();
    }

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (RunningJar instance : instances) {
            instance.kill();
        }
    }

    @Test
    void no_request_fails_while_each_instance_in_turn_is_stopped_and_started_again() throws Exception {
        String url = EmbeddedPostgresServer.newDatabase();
        for (String node : List.of("roll-a", "roll-b")) {
            Path dir = Files.createDirectories(work.resolve(node));
            instances.add(new RunningJar(
                            dir,
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--tracker.demo-data=false",
                            "--tracker.node-id=" + node,
                            "--tracker.shutdown-drain=5s",
                            "--axon.eventhandling.tokenstore.claim-timeout=3s")
                    .start());
        }
        int port = startNginx();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String zone = "roll" + System.nanoTime() % 100_000;
        assertThat(send(
                                http,
                                port,
                                "admin",
                                "POST",
                                "/api/zones",
                                "{\"id\":\"%s\",\"name\":\"滚动重启开发区\",\"city\":\"hengyang\"}".formatted(zone))
                        .statusCode())
                .isEqualTo(201);
        HttpResponse<String> signed = send(http, port, "clerk", "POST", "/api/projects", Api.signing(zone));
        assertThat(signed.statusCode()).isEqualTo(201);
        String project = JsonPath.read(signed.body(), "$.id");

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger answered = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService load = Executors.newFixedThreadPool(4);
        List<Future<?>> clients = new ArrayList<>();
        for (int client = 0; client < 4; client++) {
            boolean commands = client % 2 == 0;
            clients.add(load.submit(() -> {
                while (loading.get()) {
                    try {
                        HttpResponse<String> answer = commands
                                ? send(
                                        http,
                                        port,
                                        "clerk",
                                        "POST",
                                        "/api/projects/" + project + "/capital-arrivals",
                                        "{\"arrivedOn\":\"2023-07-01\",\"kind\":\"FOREIGN\",\"amount\":1000}")
                                : send(http, port, "clerk", "GET", "/api/projects/" + project, null);
                        if (answer.statusCode() / 100 == 2) {
                            answered.incrementAndGet();
                        } else {
                            failures.merge("HTTP " + answer.statusCode() + " " + answer.body(), 1, Integer::sum);
                        }
                    } catch (IOException failed) {
                        failures.merge(failed.toString(), 1, Integer::sum);
                    }
                }
                return null;
            }));
        }

        Thread.sleep(2_000);
        for (RunningJar instance : instances) {
            assertThat(instance.stop()).as("exit status of a stop by SIGTERM").isIn(0, 143);
            instance.start();
            // as the runbook says: ready, then nginx's fail_timeout (2 s here) more, so that nginx has taken the
            // instance back before the next one stops; otherwise both can be marked failed at once ("no live
            // upstreams", 502 for up to fail_timeout)
            Thread.sleep(5_000);
        }
        loading.set(false);
        for (Future<?> client : clients) {
            client.get();
        }
        load.shutdown();

        assertThat(failures)
                .as(() -> "requests that failed during the rolling restart; nginx said:\n" + nginxSaid())
                .isEmpty();
        assertThat(answered.get()).isGreaterThan(50);
    }

    private String nginxSaid() {
        try {
            return nginx.errors()
                    + Files.readAllLines(work.resolve("access.log")).stream()
                            .filter(line -> !line.contains(" 200 upstream=") && !line.contains(" 201 upstream="))
                            .limit(20)
                            .reduce("", (all, line) -> all + line + "\n");
        } catch (IOException unreadable) {
            return unreadable.toString();
        }
    }

    /** nginx as docs/operations.md configures it, on loopback, run by the test's user. */
    private int startNginx() throws Exception {
        int port = TestNginx.freePort();
        StringBuilder upstreams = new StringBuilder();
        for (RunningJar instance : instances) {
            upstreams.append("    server 127.0.0.1:%d max_fails=1 fail_timeout=2s;\n".formatted(instance.port()));
        }
        nginx = TestNginx.start(
                work,
                """
                  log_format upstreams '$request $status upstream=$upstream_addr $upstream_status';
                  access_log %1$s/access.log upstreams;
                  upstream tracker {
                %2$s    keepalive 32;
                    keepalive_timeout 4s;
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://tracker;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto http;
                      proxy_read_timeout 60s;
                      proxy_next_upstream error timeout http_502 http_503;
                      proxy_next_upstream_tries 2;
                    }
                  }
                """
                        .formatted(work, upstreams, port),
                port);
        return port;
    }

    private static HttpResponse<String> send(
            HttpClient http, int port, String user, String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest request = DemoHttp.json("http://127.0.0.1:" + port + path, method, user, json)
                .timeout(Duration.ofSeconds(60))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
