package cn.zhaoshang.tracker.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.DemoHttp;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Uploads through the real server, whose multipart parsing and body limits MockMvc does not have: a file of several
 * megabytes passes the web edge's 1 MB limit on the evidence path only, and one over the evidence limit is 413.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:evidence-tomcat-it;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
            "tracker.demo-data=false",
            "db-scheduler.polling-interval=1h"
        })
class EvidenceOverTomcatIT {

    private static final String BOUNDARY = "evidence-boundary-7f3a";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_file_of_several_megabytes_is_taken_and_one_over_the_limit_is_413() throws Exception {
        send("POST", "/api/zones", "admin", "{\"id\":\"songmu\",\"name\":\"衡阳松木经济开发区\",\"city\":\"hengyang\"}");
        String signed =
                send("POST", "/api/projects", Api.BUREAU, Api.signing("songmu")).body();
        String project =
                signed.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1").strip();

        byte[] scan = new byte[5 * 1024 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, scan, 0, 8);
        HttpResponse<String> taken = upload(project, scan);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
        assertThat(taken.body()).contains("\"sizeBytes\":" + scan.length);

        HttpResponse<String> tooLarge = upload(project, new byte[10 * 1024 * 1024 + 1]);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        HttpResponse<String> elsewhere = send(
                "POST",
                "/api/projects/" + project + "/landing",
                Api.BUREAU,
                "{\"x\":\"" + "a".repeat(1024 * 1024) + "\"}");
        assertThat(elsewhere.statusCode()).isEqualTo(413);
    }

    private HttpResponse<String> upload(String project, byte[] file) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"attachedTo\"\r\n\r\n0\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(
                ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan.pdf\"\r\n"
                                + "Content-Type: application/pdf\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                request("/api/projects/" + project + "/evidence", Api.BUREAU)
                        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
        return http.send(
                request(path, user)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String user) {
        return DemoHttp.request("http://localhost:" + port + path, user);
    }
}
