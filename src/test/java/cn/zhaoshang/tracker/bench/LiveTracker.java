package cn.zhaoshang.tracker.bench;

import cn.zhaoshang.tracker.TrackerApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole application in this JVM on a store file, with an HTTP client for its port. */
final class LiveTracker implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private LiveTracker(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The settings of application.yml's URL (see there why), on the store's file. */
    /** A store keeps its own key beside it: the key that first signs in it is the one it goes on with. */
    static String signingKey(java.nio.file.Path store) {
        return store.toAbsolutePath() + "-signing-key";
    }

    static String url(java.nio.file.Path store) {
        return "jdbc:h2:file:" + store.toAbsolutePath()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;CACHE_SIZE=32768;QUERY_CACHE_SIZE=64;MAX_COMPACT_TIME=0";
    }

    static LiveTracker start(java.nio.file.Path store) {
        return new LiveTracker(new SpringApplicationBuilder(TrackerApplication.class)
                .run(
                        "--spring.datasource.url=" + url(store),
                        "--tracker.signing.key-file=" + signingKey(store),
                        "--tracker.signing.create-key=true",
                        "--server.port=0",
                        "--tracker.demo-data=false",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN",
                        "--logging.level.org.axonframework=ERROR"));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    Object bean(String name) {
        return context.getBean(name);
    }

    DataSource dataSource() {
        return bean(DataSource.class);
    }

    HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofMinutes(30))
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (user + ":" + user + "-demo").getBytes(StandardCharsets.UTF_8)));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Like {@link #call} but fails on anything but the expected status. */
    String expect(int status, String method, String path, String user, String json) throws Exception {
        HttpResponse<String> answer = call(method, path, user, json);
        if (answer.statusCode() != status) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    @Override
    public void close() {
        context.close();
    }
}
