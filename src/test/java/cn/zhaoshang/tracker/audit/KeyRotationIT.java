package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.zhaoshang.tracker.TrackerApplication;
import cn.zhaoshang.tracker.zone.api.RegisterZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One store, restarted with one key and then another: the new key is announced by the one in use, both keys' periods
 * verify, and a key that is not in use, without its predecessor, or a key file others may read, stops the start.
 */
class KeyRotationIT {

    private final String store = "jdbc:h2:mem:rotation-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

    @Test
    void a_new_key_is_announced_by_the_old_one_and_both_periods_verify(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("first-key");
        Path second = dir.resolve("second-key");
        String firstId;
        try (ConfigurableApplicationContext started = start("--tracker.signing.key-file=" + first)) {
            register(started, "rotation-a");
            firstId = started.getBean(SigningKeys.class).keyId();
            assertThat(started.getBean(ChainVerifier.class).verify().valid()).isTrue();
        }
        try (ConfigurableApplicationContext started =
                start("--tracker.signing.key-file=" + second, "--tracker.signing.previous-key-file=" + first)) {
            register(started, "rotation-b");
            SigningKeys keys = started.getBean(SigningKeys.class);
            List<SigningKeys.Published> published = keys.published();
            assertThat(published).extracting(SigningKeys.Published::keyId).containsExactly(firstId, keys.keyId());
            assertThat(published.get(0).validUntil()).isEqualTo(published.get(1).validFrom() - 1);
            assertThat(published.get(1).predecessor()).isEqualTo(firstId);
            ChainVerifier.Verification verification =
                    started.getBean(ChainVerifier.class).verify();
            assertThat(verification.valid()).as(verification.detail()).isTrue();
            assertThat(verification.keyId()).isEqualTo(keys.keyId());
        }
        // the old key alone is no longer the key in use
        assertThatThrownBy(() -> start("--tracker.signing.key-file=" + first))
                .hasStackTraceContaining("is not the key in use");
        assertThatThrownBy(() -> start("--tracker.signing.key-file=" + dir.resolve("third-key")))
                .hasStackTraceContaining("previous-key-file");
    }

    @Test
    void a_key_file_others_may_read_stops_the_start(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key");
        SigningKeyFiles.create(key, System.out);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> start("--tracker.signing.key-file=" + key))
                .hasStackTraceContaining("readable and writable by its owner only");
    }

    private static void register(ConfigurableApplicationContext started, String zone) {
        started.getBean(CommandGateway.class).sendAndWait(new RegisterZone(zone, "轮换测试", "c-" + zone, "hunan"));
    }

    private ConfigurableApplicationContext start(String... arguments) {
        String[] all = new String[arguments.length + 5];
        all[0] = "--spring.datasource.url=" + store;
        all[1] = "--spring.datasource.username=sa";
        all[2] = "--server.port=0";
        all[3] = "--tracker.demo-data=false";
        all[4] = "--tracker.signing.create-key=true";
        System.arraycopy(arguments, 0, all, 5, arguments.length);
        return new SpringApplicationBuilder(TrackerApplication.class).run(all);
    }
}
