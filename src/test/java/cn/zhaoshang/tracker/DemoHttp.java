package cn.zhaoshang.tracker;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Requests to a running tracker over HTTP as the demo's users send them: Basic auth with the demo password. */
public final class DemoHttp {

    private DemoHttp() {}

    /** To {@code url} as {@code user} (its password the demo's, the name with "-demo"); null: anonymous. */
    public static HttpRequest.Builder request(String url, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (user != null) {
            String credentials = user + ":" + user + "-demo";
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** {@link #request} with the method and a JSON body; {@code json} null: no body. */
    public static HttpRequest.Builder json(String url, String method, String user, String json) {
        HttpRequest.Builder request = request(url, user)
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return request;
    }
}
