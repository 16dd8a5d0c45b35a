package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one PostgreSQL database, over real HTTP: the packaged jar (started first, so it
 * claims every tracking segment and keeps them while it lives) and an in-process one, which claims none. Both take
 * commands on the same projects at once; the jar is killed with SIGKILL in the middle of the stream and the survivor
 * takes over all of its segments when the claims time out (ADR 0020). Nothing that was acknowledged is lost, and the
 * survivor's reports, hash chain and read models equal a full replay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIT {

    private static final String ARRIVAL = "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 1000}";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String url;
    private static RunningJar first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void twoInstances(@TempDir Path firstDir) throws Exception {
        EmbeddedPostgresServer.assumeUsable();
        url = EmbeddedPostgresServer.newDatabase();
        first = new RunningJar(firstDir, arguments("instance-a")).start();
        List<String> secondArguments = new ArrayList<>(List.of(arguments("instance-b")));
        secondArguments.add("--server.port=0");
        second = new SpringApplicationBuilder(TrackerApplication.class).run(secondArguments.toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws Exception {
        if (first != null) {
            first.kill();
        }
        if (second != null) {
            second.close();
        }
    }

    private static String[] arguments(String node) {
        // Command-line arguments: they take precedence over application.yml, as the environment would in production.
        return new String[] {
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--tracker.demo-data=false",
            "--tracker.node-id=" + node,
            "--axon.eventhandling.tokenstore.claim-timeout=3s",
            "--axon.eventhandling.processors.report.token-claim-interval=500",
            "--axon.eventhandling.processors.audit.token-claim-interval=500",
            "--spring.jmx.enabled=false"
        };
    }

    @Test
    @Order(1)
    void a_change_of_access_on_one_instance_is_obeyed_by_the_other_at_once() throws Exception {
        String name = "two-" + System.nanoTime() % 100_000;
        String user = ("{\"username\":\"%s\",\"displayName\":\"双实例用户\",\"password\":\"%s-demo\","
                        + "\"roles\":[\"LEADERSHIP\"],\"scope\":{\"level\":\"PROVINCE\",\"id\":\"hunan\"}}")
                .formatted(name, name);
        assertThat(first.call("POST", "/api/users", "admin", user).statusCode()).isEqualTo(201);
        assertThat(send(second, "GET", "/api/me", null, name).statusCode()).isEqualTo(200);

        assertThat(first.call("POST", "/api/users/" + name + "/disable", "admin", null)
                        .statusCode())
                .isEqualTo(204);

        assertThat(send(second, "GET", "/api/me", null, name).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void both_take_commands_one_is_killed_midway_and_the_survivor_is_exact() throws Exception {
        String zone = "two-" + System.nanoTime() % 100_000;
        String registration = "{\"id\":\"%s\",\"name\":\"双实例开发区\",\"city\":\"hengyang\"}".formatted(zone);
        assertThat(first.call("POST", "/api/zones", "admin", registration).statusCode())
                .isEqualTo(201);
        // The zone registered on the first instance is known to the second at once (same database, no cache).
        assertThat(send(second, "PUT", "/api/zones/" + zone + "/targets/2023", "{\"foreignCapitalUsd\": 50000}")
                        .statusCode())
                .isEqualTo(200);
        List<String> projects = new ArrayList<>();
        HttpResponse<String> signed = first.call("POST", "/api/projects", "clerk", Api.signing(zone));
        assertThat(signed.statusCode()).isEqualTo(201);
        projects.add(JsonPath.read(signed.body(), "$.id"));
        signed = send(second, "POST", "/api/projects", Api.signing(zone).replace("日本触媒新材料项目", "日本触媒新材料二期项目"));
        assertThat(signed.statusCode()).isEqualTo(201);
        projects.add(JsonPath.read(signed.body(), "$.id"));

        JdbcClient db = jdbc(second);
        assertHeldByOneInstance(db);
        long head = CaughtUp.await(db);
        String reportPath = "/api/reports/zones/" + zone + "/years/2023?atPosition=" + head;
        HttpResponse<String> fromFirst = first.call("GET", reportPath, "inspector", null);
        assertThat(fromFirst.statusCode()).isEqualTo(200);
        assertThat(get(second, reportPath).body()).isEqualTo(fromFirst.body());

        HttpResponse<String> metrics = first.call("GET", "/actuator/prometheus", "auditor", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("report_latency", "commandBus_successCounter");
        assertThat(first.call("GET", "/actuator/prometheus", "leader", null).statusCode())
                .isEqualTo(403);

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean firstKilled = new AtomicBoolean();
        AtomicInteger acknowledgedByFirst = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<?>> streams = new ArrayList<>();
        for (int caller = 0; caller < 4; caller++) {
            int number = caller;
            streams.add(callers.submit(() -> {
                for (int i = 0; i < 30; i++) {
                    boolean toFirst = (i + number) % 2 == 0 && !firstKilled.get();
                    String path = "/api/projects/" + projects.get((i + number) % projects.size()) + "/capital-arrivals";
                    try {
                        HttpResponse<String> answer = toFirst
                                ? first.call("POST", path, "clerk", ARRIVAL)
                                : send(second, "POST", path, ARRIVAL);
                        if (answer.statusCode() == 201) {
                            acknowledged.add(JsonPath.read(answer.body(), "$.arrivalId"));
                            if (toFirst) {
                                acknowledgedByFirst.incrementAndGet();
                            }
                        }
                    } catch (Exception killedInstance) {
                        // a request to the killed instance: not acknowledged, so it may or may not have been stored
                    }
                }
                return null;
            }));
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (acknowledgedByFirst.get() < 10 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        firstKilled.set(true);
        first.kill();
        for (Future<?> stream : streams) {
            stream.get();
        }
        callers.shutdown();

        head = awaitTakeOver(db);
        assertThat(reportSegmentOwners(db)).containsExactly("instance-b", "instance-b");
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
        // Up to the head: the survivor's warning deadlines may append events (履约预警) while the test reads.
        assertThat(db.sql("SELECT COUNT(*) FROM event_hash WHERE position <= ?")
                        .param(head)
                        .query(Long.class)
                        .single())
                .isEqualTo(db.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex <= ?")
                        .param(head)
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

    /**
     * The jar started first and claimed every segment, both of the report's among them. The second instance claims
     * none while the first lives: watched for more than twice the claim timeout (3 s here), the first keeps extending
     * its claims and every segment stays with it.
     */
    private static void assertHeldByOneInstance(JdbcClient db) throws InterruptedException {
        long until = System.currentTimeMillis() + 7_000;
        do {
            assertThat(reportSegmentOwners(db)).containsExactly("instance-a", "instance-a");
            assertThat(db.sql("SELECT DISTINCT owner FROM TokenEntry")
                            .query(String.class)
                            .list())
                    .containsExactly("instance-a");
            Thread.sleep(100);
        } while (System.currentTimeMillis() < until);
    }

    private static List<String> reportSegmentOwners(JdbcClient db) {
        return db.sql("SELECT owner FROM TokenEntry WHERE processorName = 'report' ORDER BY owner")
                .query((row, number) -> String.valueOf(row.getString(1)))
                .list();
    }

    /** The killed instance's claims expire (3 s here), then the survivor's processors catch up. */
    private static long awaitTakeOver(JdbcClient db) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!db.sql("SELECT DISTINCT owner FROM TokenEntry")
                        .query(String.class)
                        .list()
                        .equals(List.of("instance-b"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return CaughtUp.await(db);
    }

    private static JdbcClient jdbc(ConfigurableApplicationContext instance) {
        return instance.getBean(JdbcClient.class);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext instance, String path) throws Exception {
        return get(instance, path, "inspector");
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String user)
            throws Exception {
        HttpResponse<String> answer = send(instance, "GET", path, null, user);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer;
    }

    private static HttpResponse<String> send(
            ConfigurableApplicationContext instance, String method, String path, String json) throws Exception {
        return send(instance, method, path, json, Api.userFor(method, path));
    }

    private static HttpResponse<String> send(
            ConfigurableApplicationContext instance, String method, String path, String json, String user)
            throws Exception {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        HttpRequest request = DemoHttp.json("http://localhost:" + port + path, method, user, json)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
