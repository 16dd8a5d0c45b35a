package cn.zhaoshang.tracker.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the production profile the tracker refuses to start with the published demo passwords or with demo data:
 * both are fine on a laptop and a breach or a falsified statistic on a shared server.
 */
@Component
@Profile("postgres")
class ProductionSafety {

    static final List<String> DEMO_PASSWORDS = List.of("bureau-demo", "leader-demo", "auditor-demo");

    ProductionSafety(
            TrackerUsers users, PasswordEncoder passwords, @Value("${tracker.demo-data:true}") boolean demoData) {
        List<String> problems = new ArrayList<>();
        for (TrackerUsers.User user : users.users()) {
            if (DEMO_PASSWORDS.stream().anyMatch(demo -> passwords.matches(demo, user.password()))) {
                problems.add(("用户 %s 使用演示密码 / user %s has a demo password: set real users"
                                + " (tracker.users, e.g. TRACKER_USERS_0_PASSWORD={bcrypt}...)")
                        .formatted(user.username(), user.username()));
            }
        }
        if (demoData) {
            problems.add("演示数据不得写入生产库 / demo data must not go into a production store:"
                    + " set tracker.demo-data=false (TRACKER_DEMO_DATA=false)");
        }
        if (!problems.isEmpty()) {
            throw new UnsafeProductionSettings(problems);
        }
    }

    static class UnsafeProductionSettings extends IllegalStateException {

        UnsafeProductionSettings(List<String> problems) {
            super("拒绝启动 / refusing to start with unsafe production settings (profile postgres):\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
