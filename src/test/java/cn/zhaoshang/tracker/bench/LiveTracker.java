package cn.zhaoshang.tracker.bench;

import cn.zhaoshang.tracker.DemoHttp;
import cn.zhaoshang.tracker.EmbeddedStore;
import cn.zhaoshang.tracker.TrackerApplication;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    /** A store keeps its own key beside it: the key that first signs in it is the one it goes on with. */
    static String signingKey(java.nio.file.Path store) {
        return store.toAbsolutePath() + "-signing-key";
    }

    static LiveTracker start(java.nio.file.Path store) {
        return new LiveTracker(new SpringApplicationBuilder(TrackerApplication.class)
                .run(
                        "--spring.datasource.url=" + EmbeddedStore.url(store),
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
        HttpRequest request = DemoHttp.json("http://localhost:" + port + path, method, user, json)
                .timeout(Duration.ofMinutes(30))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
