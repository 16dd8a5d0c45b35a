package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar, as an operator starts it: default H2 file under ./data, killed with SIGKILL and started again. */
class PackagedJarIT {

    @TempDir
    Path workDir;

    @Test
    void an_acknowledged_command_survives_kill_minus_9_and_a_retry_with_its_key_records_nothing() throws Exception {
        String project;
        String arrivalAnswer;
        try (RunningJar jar = new RunningJar(workDir, "--tracker.demo-data=false").start()) {
            System.out.println("Started on an empty ./data in " + jar.startup().toMillis() + " ms");
            assertThat(Files.isDirectory(workDir.resolve("data"))).isTrue();
            tomcatItselfAnswersWithProblemsAndHeadsWithoutBodies(jar);

            assertThat(jar.call(
                                    "POST",
                                    "/api/zones",
                                    "admin",
                                    "{\"id\":\"songmu\",\"name\":\"衡阳松木经济开发区\",\"city\":\"hengyang\"}")
                            .statusCode())
                    .isEqualTo(201);
            HttpResponse<String> signed = jar.call("POST", "/api/projects", "bureau", Api.signing("songmu"));
            assertThat(signed.statusCode()).isEqualTo(201);
            project = JsonPath.read(signed.body(), "$.id");
            assertThat(jar.call(
                                    "POST",
                                    "/api/projects/" + project + "/landing",
                                    "bureau",
                                    "{\"landedOn\":\"2023-06-01\"}")
                            .statusCode())
                    .isEqualTo(200);
            HttpResponse<String> arrival = jar.call(
                    "POST",
                    "/api/projects/" + project + "/capital-arrivals",
                    "bureau",
                    "{\"arrivedOn\":\"2023-07-01\",\"kind\":\"FOREIGN\",\"amount\":14480000}",
                    "arrival-1");
            assertThat(arrival.statusCode()).isEqualTo(201);
            arrivalAnswer = arrival.body();
            jar.kill();
        }

        try (RunningJar jar = new RunningJar(workDir, "--tracker.demo-data=false").start()) {
            // a restarted instance, before its first command: every series the alerts read is already there
            String scraped =
                    jar.call("GET", "/actuator/prometheus", "auditor", null).body();
            java.util.Set<String> exported = new java.util.TreeSet<>();
            for (String line : scraped.split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    exported.add(line.split("[{ ]")[0]);
                }
            }
            assertThat(exported)
                    .containsAll(PrometheusRules.metricNames(Path.of("docs/prometheus-rules.yml")))
                    .contains("tracker_processor_lag_events");
            assertThat(scraped).contains("tracker_processor_lag_events{processor=\"report\",segment=\"1\"}");

            HttpResponse<String> detail = jar.call("GET", "/api/projects/" + project, "leader", null);
            assertThat(detail.statusCode()).isEqualTo(200);
            assertThat((String) JsonPath.read(detail.body(), "$.stage")).isEqualTo("LANDED");
            assertThat((Integer) JsonPath.read(detail.body(), "$.foreignCapitalArrivedUsd"))
                    .isEqualTo(14480000);

            HttpResponse<String> retry = jar.call(
                    "POST",
                    "/api/projects/" + project + "/capital-arrivals",
                    "bureau",
                    "{\"arrivedOn\":\"2023-07-01\",\"kind\":\"FOREIGN\",\"amount\":14480000}",
                    "arrival-1");
            assertThat(retry.statusCode()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(arrivalAnswer);

            HttpResponse<String> history = jar.call("GET", "/api/projects/" + project + "/history", "auditor", null);
            List<String> types = JsonPath.read(history.body(), "$.events[*].type");
            assertThat(types).containsExactly("ProjectSigned", "ProjectLanded", "CapitalArrived");
            List<String> users = JsonPath.read(history.body(), "$.events[*].recordedBy");
            assertThat(users).containsOnly("bureau");
        }
    }

    /** What Tomcat refuses before any servlet sees it; checked on the real server, since MockMvc has no Tomcat. */
    private static void tomcatItselfAnswersWithProblemsAndHeadsWithoutBodies(RunningJar jar) throws Exception {
        for (String refused : List.of(
                "GET /api/zones/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /api/" + "a".repeat(9000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n",
                "GET /api/zones HTTP/1.1\r\nHost: localhost\r\nX-Test: a\u007fb\r\n\r\n")) {
            assertThat(jar.raw(refused))
                    .startsWith("HTTP/1.1 400")
                    .contains("Content-Type: application/problem+json")
                    .contains("\"type\":\"urn:problem:invalid-request\"");
        }
        String head = jar.raw("HEAD /api/zones HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Basic bGVhZGVyOmxlYWRlci1kZW1v\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 200").endsWith("\r\n\r\n");

        HttpResponse<String> login = jar.call("GET", "/login", null, null);
        assertThat(login.headers().firstValue("Set-Cookie"))
                .hasValueSatisfying(
                        cookie -> assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(login.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void a_fresh_jar_loads_the_demo_and_reports_songmu_2023_as_the_article_does() throws Exception {
        try (RunningJar jar = new RunningJar(workDir).start()) {
            assertThat(jar.call("GET", "/v3/api-docs", null, null).statusCode()).isEqualTo(401);
            HttpResponse<String> docs = jar.call("GET", "/v3/api-docs", "leader", null);
            assertThat(docs.statusCode()).isEqualTo(200);
            assertThat(docs.body())
                    .contains("/api/projects/{id}/capital-arrivals")
                    .contains("签约登记");

            String report = jar.awaitReport("/api/reports/zones/songmu/years/2023", "leader", 60);
            assertThat(JsonPath.<Integer>read(report, "$.projectsSigned")).isEqualTo(22);
            assertThat(JsonPath.<Integer>read(report, "$.top500Projects")).isEqualTo(4);
            assertThat(JsonPath.<Object>read(report, "$.contractInvestmentCny").toString())
                    .isEqualTo("11500000000");
            assertThat(JsonPath.<Object>read(report, "$.contractInvestmentCompletion")
                            .toString())
                    .isEqualTo("1.15");
            assertThat(JsonPath.<Object>read(report, "$.foreignCapitalArrivedUsd")
                            .toString())
                    .isEqualTo("14480000");
            assertThat(JsonPath.<Object>read(report, "$.foreignCapitalCompletion")
                            .toString())
                    .isEqualTo("2.0686");
            assertThat(JsonPath.<Object>read(report, "$.city.foreignCapitalShare")
                            .toString())
                    .isEqualTo("0.294");
            assertThat(JsonPath.<Integer>read(report, "$.city.foreignCapitalRank"))
                    .isEqualTo(1);
        }
    }
}
