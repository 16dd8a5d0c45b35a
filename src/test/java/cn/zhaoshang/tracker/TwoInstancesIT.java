package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one PostgreSQL database, over real HTTP: both take commands (on the same projects
 * at once), one is stopped in the middle of the stream, the other takes over its tracking segments; nothing that
 * was acknowledged is lost, and the survivor's reports, hash chain and read models equal a full replay.
 */
class TwoInstancesIT {

    private static final String ARRIVAL = "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 1000}";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String url;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void twoInstances() {
        EmbeddedPostgresServer.assumeUsable();
        url = EmbeddedPostgresServer.newDatabase();
        first = start("instance-a");
        second = start("instance-b");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            if (instance != null && instance.isActive()) {
                instance.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(String node) {
        // Command-line arguments: they take precedence over application.yml, as the environment would in production.
        return new SpringApplicationBuilder(TrackerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--tracker.demo-data=false",
                        "--tracker.node-id=" + node,
                        "--axon.eventhandling.tokenstore.claim-timeout=3s",
                        "--axon.eventhandling.processors.report.token-claim-interval=500",
                        "--axon.eventhandling.processors.audit.token-claim-interval=500",
                        "--spring.jmx.enabled=false");
    }

    @Test
    void both_take_commands_one_stops_midway_and_the_survivor_is_exact() throws Exception {
        String zone = "two-" + System.nanoTime() % 100_000;
        assertThat(send(
                                first,
                                "POST",
                                "/api/zones",
                                "{\"id\":\"%s\",\"name\":\"双实例开发区\",\"city\":\"hengyang\"}".formatted(zone))
                        .statusCode())
                .isEqualTo(201);
        // The zone registered on the first instance is known to the second at once (same database, no cache).
        assertThat(send(second, "PUT", "/api/zones/" + zone + "/targets/2023", "{\"foreignCapitalUsd\": 50000}")
                        .statusCode())
                .isEqualTo(200);
        List<String> projects = new ArrayList<>();
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            HttpResponse<String> signed = send(instance, "POST", "/api/projects", Api.signing(zone));
            assertThat(signed.statusCode()).isEqualTo(201);
            projects.add(JsonPath.read(signed.body(), "$.id"));
        }

        long head = CaughtUp.await(jdbc(first));
        String reportPath = "/api/reports/zones/" + zone + "/years/2023?atPosition=" + head;
        assertThat(get(second, reportPath).body())
                .isEqualTo(get(first, reportPath).body());

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean firstStopped = new AtomicBoolean();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<?>> streams = new ArrayList<>();
        for (int caller = 0; caller < 4; caller++) {
            int number = caller;
            streams.add(callers.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    ConfigurableApplicationContext instance =
                            (i + number) % 2 == 0 && !firstStopped.get() ? first : second;
                    String project = projects.get((i + number) % projects.size());
                    try {
                        HttpResponse<String> answer =
                                send(instance, "POST", "/api/projects/" + project + "/capital-arrivals", ARRIVAL);
                        if (answer.statusCode() == 201) {
                            acknowledged.add(JsonPath.read(answer.body(), "$.arrivalId"));
                        }
                    } catch (Exception stoppedInstance) {
                        // a request to the instance being stopped: not acknowledged, so it may or may not count
                    }
                }
                return null;
            }));
        }
        Thread.sleep(1_500);
        firstStopped.set(true);
        first.close();
        for (Future<?> stream : streams) {
            stream.get();
        }
        callers.shutdown();

        JdbcClient db = jdbc(second);
        head = CaughtUp.await(db);
        assertThat(acknowledged).hasSizeGreaterThan(60);
        List<String> stored = db.sql("SELECT payload FROM DomainEventEntry WHERE payloadType LIKE '%.CapitalArrived'")
                .query((row, n) ->
                        JsonPath.<String>read(new String(row.getBytes(1), StandardCharsets.UTF_8), "$.arrivalId"))
                .list();
        assertThat(stored).containsAll(acknowledged).doesNotHaveDuplicates();

        assertThat(db.sql("SELECT DISTINCT owner FROM TokenEntry WHERE owner IS NOT NULL")
                        .query(String.class)
                        .list())
                .containsOnly("instance-b");
        assertThat(db.sql("SELECT COUNT(*) FROM event_hash").query(Long.class).single())
                .isEqualTo(db.sql("SELECT COUNT(*) FROM DomainEventEntry")
                        .query(Long.class)
                        .single());
        assertThat(JsonPath.<Boolean>read(
                        get(second, "/api/audit/verification", "auditor").body(), "$.valid"))
                .isTrue();

        String report = get(second, "/api/reports/zones/" + zone + "/years/2023?atPosition=" + head)
                .body();
        assertThat(new BigDecimal(
                        JsonPath.read(report, "$.foreignCapitalArrivedUsd").toString()))
                .isEqualByComparingTo(BigDecimal.valueOf(1000L * stored.size()));
        HttpResponse<String> replay = send(second, "POST", "/api/audit/replays", null, "auditor");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Boolean>read(replay.body(), "$.projectionsMatch")).isTrue();
        assertThat(get(second, "/api/reports/zones/" + zone + "/years/2023?atPosition=" + head)
                        .body())
                .isEqualTo(report);
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext instance) {
        return instance.getBean(JdbcClient.class);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext instance, String path) throws Exception {
        return get(instance, path, "leader");
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String user)
            throws Exception {
        HttpResponse<String> answer = send(instance, "GET", path, null, user);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer;
    }

    private static HttpResponse<String> send(
            ConfigurableApplicationContext instance, String method, String path, String json) throws Exception {
        return send(instance, method, path, json, "bureau");
    }

    private static HttpResponse<String> send(
            ConfigurableApplicationContext instance, String method, String path, String json, String user)
            throws Exception {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        String credentials = user + ":" + user + "-demo";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
