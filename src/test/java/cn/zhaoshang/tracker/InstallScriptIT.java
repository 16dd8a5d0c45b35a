package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/install.sh lays out the jar, its class-data archive, an owner-only data folder, the settings and a systemd
 * unit with a heap limit; the installed jar starts from any working directory with its archive mapped.
 */
class InstallScriptIT {

    @TempDir
    Path root;

    @TempDir
    Path elsewhere;

    @Test
    void the_installed_layout_is_owner_only_where_it_matters_and_starts_from_anywhere_with_its_archive()
            throws Exception {
        assertThat(run(List.of("env", "ROOT=" + root, "HEAP=768m", "bash", "scripts/install.sh"), Path.of(".")))
                .isZero();

        Path app = root.resolve("opt/investment-tracker/app");
        assertThat(app.resolve("investment-tracker.jar")).isRegularFile();
        assertThat(app.resolve("tracker.jsa")).isRegularFile();
        assertThat(permissions(root.resolve("var/lib/investment-tracker"))).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("etc/investment-tracker/secrets"))).isEqualTo("rwx------");
        assertThat(permissions(root.resolve("etc/investment-tracker/tracker.env")))
                .isEqualTo("rw-r-----");
        String unit = Files.readString(root.resolve("etc/systemd/system/investment-tracker.service"));
        assertThat(unit)
                .contains("-Xmx768m", "-XX:+ExitOnOutOfMemoryError", "Restart=always", "User=tracker")
                .contains("WorkingDirectory=/var/lib/investment-tracker")
                .contains("SPRING_CONFIG_IMPORT=optional:configtree:/etc/investment-tracker/secrets/")
                .contains("-jar /opt/investment-tracker/app/investment-tracker.jar");

        // -Xshare:on: the JVM refuses to start rather than start the slow way if the archive cannot be used
        assertThat(run(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-Xshare:on",
                                "-XX:SharedArchiveFile=" + app.resolve("tracker.jsa"),
                                "-Dspring.context.exit=onRefresh",
                                "-jar",
                                app.resolve("investment-tracker.jar").toString(),
                                "--spring.datasource.url=jdbc:h2:mem:installed",
                                "--tracker.demo-data=false",
                                "--server.port=0",
                                "--tracker.signing.key-file=" + elsewhere.resolve("key")),
                        elsewhere))
                .isZero();
    }

    private int run(List<String> command, Path directory) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            System.out.println(printed);
        }
        return status;
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
