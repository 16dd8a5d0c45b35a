package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.access.api.Role;
import cn.zhaoshang.tracker.shared.Scope;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of a user's account; the password's hash never travels in one (it is not history). The account's
 * stream is named {@code user:<name>}, apart from zones and projects, whose ids could be the same words.
 */
final class AccessCommands {

    private AccessCommands() {}

    record RegisterUser(String username, String displayName, List<Role> roles, Scope scope) {

        @TargetAggregateIdentifier
        String accountId() {
            return UserAccount.id(username);
        }
    }

    record ChangeAccess(String username, List<Role> roles, Scope scope, String reason) {

        @TargetAggregateIdentifier
        String accountId() {
            return UserAccount.id(username);
        }
    }

    record DisableUser(String username, String reason) {

        @TargetAggregateIdentifier
        String accountId() {
            return UserAccount.id(username);
        }
    }

    record EnableUser(String username, String reason) {

        @TargetAggregateIdentifier
        String accountId() {
            return UserAccount.id(username);
        }
    }

    record RecordPasswordChange(String username) {

        @TargetAggregateIdentifier
        String accountId() {
            return UserAccount.id(username);
        }
    }
}
