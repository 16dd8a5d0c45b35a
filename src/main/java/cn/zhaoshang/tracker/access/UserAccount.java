package cn.zhaoshang.tracker.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.zhaoshang.tracker.access.AccessCommands.ChangeAccess;
import cn.zhaoshang.tracker.access.AccessCommands.DisableUser;
import cn.zhaoshang.tracker.access.AccessCommands.EnableUser;
import cn.zhaoshang.tracker.access.AccessCommands.RecordPasswordChange;
import cn.zhaoshang.tracker.access.AccessCommands.RegisterUser;
import cn.zhaoshang.tracker.access.api.AccessChanged;
import cn.zhaoshang.tracker.access.api.PasswordChanged;
import cn.zhaoshang.tracker.access.api.Role;
import cn.zhaoshang.tracker.access.api.UserDisabled;
import cn.zhaoshang.tracker.access.api.UserEnabled;
import cn.zhaoshang.tracker.access.api.UserRegistered;
import cn.zhaoshang.tracker.shared.CommandRejected;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A user's account: its grants, and whether it may log in. */
@Aggregate
class UserAccount {

    /** The metadata key the command bus stamps with the caller (platform's recordedBy). */
    static final String RECORDED_BY = "recordedBy";

    @AggregateIdentifier
    private String accountId;

    private String username;

    private List<Role> roles;
    private boolean enabled;

    UserAccount() {}

    static String id(String username) {
        return "user:" + username;
    }

    @CommandHandler
    UserAccount(RegisterUser command, KnownUsers users) {
        if (users.exists(command.username())) {
            throw new CommandRejected(
                    "用户名 %s 已被使用 / user name %s is taken".formatted(command.username(), command.username()));
        }
        apply(new UserRegistered(command.username(), command.displayName(), command.roles(), command.scope()));
    }

    @CommandHandler
    void handle(ChangeAccess command, @MetaDataValue(RECORDED_BY) String by) {
        if (username.equals(by)
                && roles.contains(Role.ADMIN)
                && !command.roles().contains(Role.ADMIN)) {
            throw new CommandRejected("管理员不能撤销自己的管理员角色 / an ADMIN cannot take ADMIN away from itself");
        }
        apply(new AccessChanged(command.username(), command.roles(), command.scope(), command.reason()));
    }

    @CommandHandler
    void handle(DisableUser command, @MetaDataValue(RECORDED_BY) String by) {
        if (command.username().equals(by)) {
            throw new CommandRejected("不能停用自己的账号 / you cannot disable your own account");
        }
        if (enabled) {
            apply(new UserDisabled(command.username(), command.reason()));
        }
    }

    @CommandHandler
    void handle(EnableUser command) {
        if (!enabled) {
            apply(new UserEnabled(command.username(), command.reason()));
        }
    }

    @CommandHandler
    void handle(RecordPasswordChange command) {
        apply(new PasswordChanged(command.username()));
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        accountId = id(event.username());
        username = event.username();
        roles = event.roles();
        enabled = true;
    }

    @EventSourcingHandler
    void on(AccessChanged event) {
        roles = event.roles();
    }

    @EventSourcingHandler
    void on(UserDisabled event) {
        enabled = false;
    }

    @EventSourcingHandler
    void on(UserEnabled event) {
        enabled = true;
    }
}
