package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.access.api.Role;
import cn.zhaoshang.tracker.shared.Scope;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A logged-in user: its roles as Spring Security authorities, its scope, and the stamp of its account when it
 * logged in ({@link AccountLogins} compares it with today's).
 */
final class AccountUser extends User {

    private static final long serialVersionUID = 1L;

    private final Scope scope;
    private final long stamp;

    AccountUser(String username, String hash, boolean enabled, List<Role> roles, Scope scope, long stamp) {
        super(
                username,
                hash,
                enabled,
                true,
                true,
                true,
                roles.stream()
                        .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                        .toList());
        this.scope = scope;
        this.stamp = stamp;
    }

    Scope scope() {
        return scope;
    }

    long stamp() {
        return stamp;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
