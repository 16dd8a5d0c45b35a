package cn.zhaoshang.tracker.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashes, in a table of their own: secrets, not history. Written in the transaction of the command that
 * records the registration or the change, never returned, never logged.
 */
@Component
class Passwords {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;

    Passwords(JdbcClient jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    void set(String username, String password) {
        store(username, encoder.encode(password));
    }

    /** A hash made elsewhere ({@code {bcrypt}…} in the bootstrap setting). */
    void store(String username, String hash) {
        int updated = jdbc.sql("UPDATE user_password SET hash = ? WHERE username = ?")
                .params(hash, username)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO user_password (username, hash) VALUES (?, ?)")
                    .params(username, hash)
                    .update();
        }
    }

    boolean matches(String username, String password) {
        return password != null
                && jdbc.sql("SELECT hash FROM user_password WHERE username = ?")
                        .param(username)
                        .query(String.class)
                        .optional()
                        .map(hash -> encoder.matches(password, hash))
                        .orElse(false);
    }
}
