package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.signin.LoginStamps;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Users for Spring Security's login, read from the accounts and their password hashes; and whether a login made
 * earlier still stands (its account's stamp has not moved since).
 */
@Component
class AccountLogins implements UserDetailsService, LoginStamps {

    private final UserAccounts accounts;
    private final JdbcClient jdbc;

    AccountLogins(UserAccounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** User names are lower case ({@code [a-z0-9._-]}); "Bureau" logs in as "bureau", as before. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        String name = username.toLowerCase(Locale.ROOT);
        return accounts.find(name)
                .flatMap(user -> jdbc.sql("SELECT hash FROM user_password WHERE username = ?")
                        .param(name)
                        .query(String.class)
                        .optional()
                        .map(hash -> new AccountUser(
                                user.username(), hash, user.enabled(), user.roles(), user.scope(), user.stamp())))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    @Override
    public boolean current(Object principal) {
        if (!(principal instanceof AccountUser user)) {
            return true;
        }
        return jdbc.sql("SELECT stamp FROM user_account WHERE username = ? AND enabled = TRUE")
                .param(user.getUsername())
                .query(Long.class)
                .optional()
                .map(stamp -> stamp == user.stamp())
                .orElse(false);
    }
}
