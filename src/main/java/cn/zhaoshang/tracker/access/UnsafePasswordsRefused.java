package cn.zhaoshang.tracker.access;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the production profile the tracker refuses to start while a bootstrap user or a registered user has a password
 * kept in plain text ({@code {noop}}, or any encoding that is not a slow hash) or one of the published demo
 * passwords: fine on a laptop, a breach on a shared server.
 */
@Component
@Profile("postgres")
class UnsafePasswordsRefused {

    static final List<String> DEMO_PASSWORDS =
            List.of("admin-demo", "bureau-demo", "reviewer-demo", "leader-demo", "auditor-demo");

    /** The encodings of Spring Security's delegating encoder that are slow, salted hashes. */
    private static final Pattern SLOW_HASH = Pattern.compile("^\\{(bcrypt|argon2|argon2@SpringSecurity_v5_8"
            + "|scrypt|scrypt@SpringSecurity_v5_8|pbkdf2|pbkdf2@SpringSecurity_v5_8)}.+");

    UnsafePasswordsRefused(BootstrapUsers configured, PasswordEncoder passwords, JdbcClient jdbc) {
        List<String> problems = new ArrayList<>();
        for (BootstrapUsers.User user : configured.bootstrapUsers()) {
            check(user.username(), user.password(), passwords, problems);
        }
        jdbc.sql("SELECT username, hash FROM user_password ORDER BY username")
                .query((row, number) -> new String[] {row.getString("username"), row.getString("hash")})
                .list()
                .forEach(stored -> check(stored[0], stored[1], passwords, problems));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("拒绝启动 / refusing to start with unsafe production settings (profile"
                    + " postgres):\n  - " + String.join("\n  - ", problems));
        }
    }

    private static void check(String username, String hash, PasswordEncoder passwords, List<String> problems) {
        String problem = null;
        if (hash == null || !SLOW_HASH.matcher(hash).matches()) {
            problem = ("用户 %s 的密码未经哈希 / user %s has a password that is not a {bcrypt} hash: make one with"
                            + " java -jar investment-tracker.jar hash-password")
                    .formatted(username, username);
        } else if (DEMO_PASSWORDS.stream().anyMatch(demo -> passwords.matches(demo, hash))) {
            problem = ("用户 %s 使用演示密码 / user %s has a demo password: set real users (tracker.bootstrap-users,"
                            + " e.g. TRACKER_BOOTSTRAPUSERS_0_PASSWORD={bcrypt}...) or change it (POST"
                            + " /api/users/%s/password)")
                    .formatted(username, username, username);
        }
        if (problem != null && !problems.contains(problem)) {
            problems.add(problem);
        }
    }
}
