package cn.zhaoshang.tracker.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class PasswordHashesTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void a_password_is_printed_as_a_bcrypt_hash_that_matches_it() {
        assertThat(PasswordHashes.print("correct horse battery", out)).isZero();

        String hash = printed.toString(StandardCharsets.UTF_8).strip();
        assertThat(hash).startsWith("{bcrypt}$2a$");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("correct horse battery", hash))
                .isTrue();
    }

    @Test
    void a_short_password_is_refused() {
        assertThat(PasswordHashes.print("short", out)).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("at least 12 characters")
                .doesNotContain("{");
    }

    @Test
    void a_demo_password_is_refused() {
        assertThat(PasswordHashes.print("reviewer-demo", out)).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("published demo password");
    }
}
