package cn.zhaoshang.tracker.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the production profile the tracker refuses to start while a bootstrap user, or a registered user of the demo's
 * names, has a published demo password: fine on a laptop, a breach on a shared server.
 */
@Component
@Profile("postgres")
class DemoPasswordsRefused {

    static final List<String> DEMO_PASSWORDS =
            List.of("admin-demo", "bureau-demo", "reviewer-demo", "leader-demo", "auditor-demo");

    DemoPasswordsRefused(BootstrapUsers configured, PasswordEncoder passwords, JdbcClient jdbc) {
        List<String> problems = new ArrayList<>();
        for (BootstrapUsers.User user : configured.bootstrapUsers()) {
            if (demo(passwords, user.password())) {
                problems.add(problem(user.username()));
            }
        }
        jdbc
                .sql("SELECT username, hash FROM user_password WHERE username IN (:names)")
                .param(
                        "names",
                        DEMO_PASSWORDS.stream().map(p -> p.replace("-demo", "")).toList())
                .query((row, number) -> demo(passwords, row.getString("hash")) ? row.getString("username") : null)
                .list()
                .stream()
                .filter(name -> name != null && !problems.contains(problem(name)))
                .forEach(name -> problems.add(problem(name)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("拒绝启动 / refusing to start with unsafe production settings (profile"
                    + " postgres):\n  - " + String.join("\n  - ", problems));
        }
    }

    private static boolean demo(PasswordEncoder passwords, String hash) {
        return hash != null && DEMO_PASSWORDS.stream().anyMatch(demo -> passwords.matches(demo, hash));
    }

    private static String problem(String username) {
        return ("用户 %s 使用演示密码 / user %s has a demo password: set real users (tracker.bootstrap-users,"
                        + " e.g. TRACKER_BOOTSTRAPUSERS_0_PASSWORD={bcrypt}...) or change it (POST"
                        + " /api/users/%s/password)")
                .formatted(username, username, username);
    }
}
