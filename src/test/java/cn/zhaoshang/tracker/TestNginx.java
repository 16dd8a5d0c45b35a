package cn.zhaoshang.tracker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** nginx run by the test's user on loopback, with the {@code http { }} content a test gives it (.ci/run installs it). */
final class TestNginx implements AutoCloseable {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Path work;
    private final Process process;

    private TestNginx(Path work, Process process) {
        this.work = work;
        this.process = process;
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(
                Files.isExecutable(NGINX) || Boolean.getBoolean("tracker.postgres.required"),
                "nginx is not installed (.ci/run installs it)");
    }

    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** Starts nginx with {@code http} inside its http block (access.log and error.log in {@code work}). */
    static TestNginx start(Path work, String http, int listening) throws Exception {
        Path conf = work.resolve("nginx.conf");
        Files.writeString(
                conf,
                """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                events { worker_connections 256; }
                http {
                  access_log %1$s/nginx-access.log;
                  client_body_temp_path %1$s/body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                %2$s
                }
                """
                        .formatted(work, http));
        Process process = new ProcessBuilder(
                        NGINX.toString(),
                        "-e",
                        work.resolve("error.log").toString(),
                        "-p",
                        work.toString(),
                        "-c",
                        conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("nginx.out").toFile())
                .start();
        TestNginx nginx = new TestNginx(work, process);
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", listening), 200);
                return nginx;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        nginx.close();
        throw new IllegalStateException("nginx did not start: " + nginx.errors());
    }

    String errors() {
        try {
            return Files.readString(work.resolve("error.log"));
        } catch (IOException unreadable) {
            return unreadable.toString();
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
