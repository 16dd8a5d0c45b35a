package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.access.api.Role;
import cn.zhaoshang.tracker.shared.Scope;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tracker.bootstrap-users[i].username / password / roles / scope.level / scope.id / display-name}: the users
 * registered on a store that has none yet. The password is a hash as Spring Security writes it ({@code {bcrypt}…}).
 */
@ConfigurationProperties("tracker")
record BootstrapUsers(List<User> bootstrapUsers) {

    BootstrapUsers {
        bootstrapUsers = bootstrapUsers == null ? List.of() : List.copyOf(bootstrapUsers);
    }

    record User(String username, String displayName, String password, List<Role> roles, ScopeSetting scope) {

        String shownName() {
            return displayName == null || displayName.isBlank() ? username : displayName;
        }
    }

    record ScopeSetting(Scope.Level level, String id) {

        Scope scope() {
            return new Scope(level, id);
        }
    }
}
