package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.access.api.AccessChanged;
import cn.zhaoshang.tracker.access.api.PasswordChanged;
import cn.zhaoshang.tracker.access.api.Role;
import cn.zhaoshang.tracker.access.api.UserDisabled;
import cn.zhaoshang.tracker.access.api.UserEnabled;
import cn.zhaoshang.tracker.access.api.UserRegistered;
import cn.zhaoshang.tracker.platform.CommandLookupTable;
import cn.zhaoshang.tracker.platform.ReadModel;
import cn.zhaoshang.tracker.platform.ReadModelWrites;
import cn.zhaoshang.tracker.shared.Scope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Users with their roles, scope and whether they may log in. Written in the command's transaction (a subscribing
 * processor), so a login, the registration rule and every instance see a change the moment it commits.
 */
@Component
@CommandLookupTable
@ProcessingGroup("access")
@ReadModel(tables = {"user_account"})
class UserAccounts implements KnownUsers {

    private final ReadModelWrites writes;
    private final JdbcClient jdbc;

    UserAccounts(ReadModelWrites writes, JdbcClient jdbc) {
        this.writes = writes;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            UserRegistered event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(UserAccount.RECORDED_BY) String by) {
        writes.now()
                .sql(
                        """
                INSERT INTO user_account (username, display_name, roles, scope_level, scope_id, enabled, created_at,
                    created_by, stamp) VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?)""")
                .params(
                        event.username(),
                        event.displayName(),
                        roles(event.roles()),
                        event.scope().level().name(),
                        event.scope().id(),
                        // as the store keeps it: the replay reads the instant back from there
                        OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC),
                        by == null ? "system" : by,
                        sequence)
                .update();
    }

    @EventHandler
    void on(AccessChanged event, @SequenceNumber long sequence) {
        writes.now()
                .sql("UPDATE user_account SET roles = ?, scope_level = ?, scope_id = ?, stamp = ? WHERE username = ?")
                .params(
                        roles(event.roles()),
                        event.scope().level().name(),
                        event.scope().id(),
                        sequence,
                        event.username())
                .update();
    }

    @EventHandler
    void on(UserDisabled event, @SequenceNumber long sequence) {
        enabled(event.username(), false, sequence);
    }

    @EventHandler
    void on(UserEnabled event, @SequenceNumber long sequence) {
        enabled(event.username(), true, sequence);
    }

    @EventHandler
    void on(PasswordChanged event, @SequenceNumber long sequence) {
        writes.now()
                .sql("UPDATE user_account SET stamp = ? WHERE username = ?")
                .params(sequence, event.username())
                .update();
    }

    private void enabled(String username, boolean enabled, long sequence) {
        writes.now()
                .sql("UPDATE user_account SET enabled = ?, stamp = ? WHERE username = ?")
                .params(enabled, sequence, username)
                .update();
    }

    @ResetHandler
    void reset() {
        writes.empty(this);
    }

    @Override
    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE username = ?")
                        .param(username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean none() {
        return jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single() == 0;
    }

    List<UserView> all() {
        return jdbc.sql(SELECT + " ORDER BY username").query(UserAccounts::view).list();
    }

    Optional<UserView> find(String username) {
        return jdbc.sql(SELECT + " WHERE username = ?")
                .param(username)
                .query(UserAccounts::view)
                .optional();
    }

    private static final String SELECT =
            "SELECT username, display_name, roles, scope_level, scope_id, enabled, created_at, created_by, stamp"
                    + " FROM user_account";

    private static UserView view(ResultSet row, int number) throws SQLException {
        return new UserView(
                row.getString("username"),
                row.getString("display_name"),
                Arrays.stream(row.getString("roles").split(","))
                        .filter(role -> !role.isEmpty())
                        .map(Role::valueOf)
                        .toList(),
                new Scope(Scope.Level.valueOf(row.getString("scope_level")), row.getString("scope_id")),
                row.getBoolean("enabled"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getString("created_by"),
                row.getLong("stamp"));
    }

    private static String roles(List<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(","));
    }

    /** A user as the contract shows it; {@code stamp} stays inside (the JSON view leaves it out). */
    record UserView(
            String username,
            String displayName,
            List<Role> roles,
            Scope scope,
            boolean enabled,
            Instant createdAt,
            String createdBy,
            long stamp) {}
}
