package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/auditing.md as an auditor uses it: every {@code bash} block, in order, in one shell, against the packaged jar
 * on its embedded store with the demo data, from a folder laid out like a clone (the jar, scripts/VerifyExport.java).
 * A command that fails, or an HTTP error (the page's curl options include -f), fails the test.
 */
class RunbookIT {

    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void every_command_of_the_auditors_runbook_works_on_the_demo_as_shipped() throws Exception {
        String runbook = Files.readString(Path.of("docs/auditing.md"));
        List<String> blocks = new ArrayList<>();
        Matcher block = BASH_BLOCK.matcher(runbook);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).hasSizeGreaterThan(10);

        Path clone = Files.createDirectories(work.resolve("clone"));
        Files.createDirectories(clone.resolve("target"));
        Files.createDirectories(clone.resolve("scripts"));
        Files.createSymbolicLink(
                clone.resolve("target/investment-tracker.jar"),
                Path.of("target/investment-tracker.jar").toAbsolutePath());
        Files.createSymbolicLink(
                clone.resolve("scripts/VerifyExport.java"),
                Path.of("scripts/VerifyExport.java").toAbsolutePath());

        try (RunningJar jar = new RunningJar(Files.createDirectories(work.resolve("app"))).start()) {
            awaitDemo(jar);
            String script = "set -euo pipefail\n"
                    + String.join("\n", blocks).replace("U=http://localhost:8080", "U=http://localhost:" + jar.port());
            Path file = work.resolve("runbook.sh");
            Files.writeString(file, script);
            Process run = new ProcessBuilder("bash", "-x", file.toString())
                    .directory(clone.toFile())
                    .redirectErrorStream(true)
                    .start();
            String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor())
                    .as(() -> "the runbook stopped; it printed last:\n"
                            + printed.substring(Math.max(0, printed.length() - 4000)))
                    .isZero();
            assertThat(printed)
                    .contains("same bytes")
                    .contains("1 evidence files match the hash and size their events recorded")
                    .contains("STAMP OK")
                    .contains("\"contractInvestmentCny\":11230000000")
                    .contains("\"contractInvestmentCny\":11500000000")
                    .contains("\"retracts\":")
                    .contains("\"projectionsMatch\":true")
                    .contains("\"kind\":\"SIGN_IN_FAILED\"");
        }
    }

    /** The demo loader runs as the application starts: waits until its last zone-year report is there. */
    private static void awaitDemo(RunningJar jar) throws Exception {
        jar.awaitReport("/api/reports/zones/songmu/years/2023", "leader", 120);
    }
}
