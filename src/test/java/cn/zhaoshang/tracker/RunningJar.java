package cn.zhaoshang.tracker;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The packaged jar as a child process, started in a directory of its own so that it uses its default ./data. */
public final class RunningJar implements AutoCloseable {

    private static final Path JAR = Path.of("target", "investment-tracker.jar").toAbsolutePath();
    private static final Path EXTRACTED = Path.of("target", "app").toAbsolutePath();

    private final Path workDir;
    private final List<String> launch;
    private final List<String> extraArgs;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;
    private int port;
    private Duration startup;

    public RunningJar(Path workDir, String... extraArgs) {
        this(List.of("-jar", JAR.toString()), workDir, extraArgs);
    }

    private RunningJar(List<String> launch, Path workDir, String... extraArgs) {
        this.launch = launch;
        this.workDir = workDir;
        this.extraArgs = List.of(extraArgs);
    }

    /** The jar as scripts/run.sh starts it: extracted, with its class-data archive (prepared first if need be). */
    public static RunningJar withClassDataArchive(Path workDir, String... extraArgs) throws Exception {
        prepareClassDataArchive();
        return new RunningJar(
                List.of(
                        "-XX:SharedArchiveFile=" + EXTRACTED.resolve("tracker.jsa"),
                        "-jar",
                        EXTRACTED.resolve("investment-tracker.jar").toString()),
                workDir,
                extraArgs);
    }

    /** scripts/cds-archive.sh: the jar extracted under target/app with its class-data archive. */
    public static void prepareClassDataArchive() throws Exception {
        Process prepare = new ProcessBuilder("bash", "scripts/cds-archive.sh")
                .redirectErrorStream(true)
                .start();
        String printed = new String(prepare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (prepare.waitFor() != 0) {
            throw new IllegalStateException("scripts/cds-archive.sh failed: " + printed);
        }
    }

    public RunningJar start() throws Exception {
        if (port == 0) {
            port = freePort(); // a restart keeps its port, as a proxy's upstream list expects
        }
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(launch);
        command.add("--server.port=" + port);
        // the tests' users (src/test/resources/config/application.yml), as the MockMvc tests have them
        command.add("--spring.config.additional-location=optional:file:"
                + Path.of("target/test-classes/config/application.yml").toAbsolutePath());
        command.addAll(extraArgs);
        long started = System.nanoTime();
        process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        workDir.resolve("jar.log").toFile()))
                .start();
        // Generous: on a loaded 2-core machine (CI beside other builds) a start has been seen to take over 90 s.
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("jar exited: " + Files.readString(workDir.resolve("jar.log")));
            }
            try {
                if (call("GET", "/actuator/health", null, null).statusCode() == 200) {
                    startup = Duration.ofNanos(System.nanoTime() - started);
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("jar did not start within 180 s");
    }

    /** {@code java -jar investment-tracker.jar verify-export FILE}: no server, no database; returns what it printed. */
    static String verifyExport(Path file) throws Exception {
        Process verifier = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toString(),
                        "verify-export",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String printed = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (verifier.waitFor() != 0) {
            throw new IllegalStateException("verify-export failed: " + printed);
        }
        return printed;
    }

    public Duration startup() {
        return startup;
    }

    public int port() {
        return port;
    }

    /** SIGTERM, as systemd stops a service: the exit status once it has stopped. */
    int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    HttpResponse<String> call(String method, String path, String user, String json) throws Exception {
        return call(method, path, user, json, null);
    }

    HttpResponse<String> call(String method, String path, String user, String json, String idempotencyKey)
            throws Exception {
        HttpRequest.Builder request = DemoHttp.json("http://localhost:" + port + path, method, user, json)
                .timeout(Duration.ofSeconds(30));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Sends {@code request} as it is (no client that would correct it) and returns all the server answered. */
    String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Reports run behind the commands (and behind the demo loader at start-up): asks until two answers in a row
     * carry the same position and the answer is a 200.
     */
    String awaitReport(String path, String user, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        String previous = null;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> answer = call("GET", path, user, null);
            if (answer.statusCode() == 200) {
                String position = String.valueOf(JsonPath.<Object>read(answer.body(), "$.position"));
                if (position.equals(previous)) {
                    return answer.body();
                }
                previous = position;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no stable report at " + path + " within " + seconds + " s");
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
