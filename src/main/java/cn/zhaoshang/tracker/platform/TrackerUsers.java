package cn.zhaoshang.tracker.platform;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tracker.users[i].username / password / roles}: the people who may use the tracker. */
@ConfigurationProperties("tracker")
record TrackerUsers(List<User> users) {

    TrackerUsers {
        users = users == null ? List.of() : List.copyOf(users);
    }

    record User(String username, String password, List<String> roles) {}
}
