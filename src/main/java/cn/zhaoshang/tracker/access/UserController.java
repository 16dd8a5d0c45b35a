package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.access.AccessCommands.DisableUser;
import cn.zhaoshang.tracker.access.AccessCommands.EnableUser;
import cn.zhaoshang.tracker.access.AccessCommands.RecordPasswordChange;
import cn.zhaoshang.tracker.access.api.Role;
import cn.zhaoshang.tracker.platform.IdempotentCommands;
import cn.zhaoshang.tracker.shared.InvalidField;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.shared.Scope;
import cn.zhaoshang.tracker.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Users, their roles and scope (governance.md §2): ADMIN's, except a user's own password and {@code /api/me}. */
@RestController
@Tag(name = "用户与权限 / Users and access")
class UserController {

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;
    private final UserAccounts accounts;
    private final Passwords passwords;
    private final Reaches reaches;

    UserController(
            CommandGateway commands,
            IdempotentCommands idempotent,
            UserAccounts accounts,
            Passwords passwords,
            Reaches reaches) {
        this.commands = commands;
        this.idempotent = idempotent;
        this.accounts = accounts;
        this.passwords = passwords;
        this.reaches = reaches;
    }

    /** A user as the contract shows it. */
    record User(
            String username,
            String displayName,
            List<Role> roles,
            Scope scope,
            boolean enabled,
            Instant createdAt,
            String createdBy) {

        static User of(UserAccounts.UserView view) {
            return new User(
                    view.username(),
                    view.displayName(),
                    view.roles(),
                    view.scope(),
                    view.enabled(),
                    view.createdAt(),
                    view.createdBy());
        }
    }

    record Me(String username, String displayName, List<Role> roles, Scope scope) {}

    @PostMapping(value = "/api/users", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "登记用户 / Register a user")
    ResponseEntity<Object> register(@Valid @RequestBody UserRequests.Registration request) {
        knownPlace(request.scope().scope());
        return idempotent.run(UserAccount.id(request.username()), request.withoutPassword(), () -> {
            commands.sendAndWait(request.command());
            passwords.set(request.username(), request.password());
            return ResponseEntity.created(URI.create("/api/users/" + request.username()))
                    .body(user(request.username()));
        });
    }

    @GetMapping(value = "/api/users", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "用户列表 / Users")
    List<User> users() {
        return accounts.all().stream().map(User::of).toList();
    }

    @GetMapping(value = "/api/users/{username}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "用户 / One user")
    User user(@PathVariable String username) {
        return accounts.find(username).map(User::of).orElseThrow(() -> unknown(username));
    }

    @PutMapping(value = "/api/users/{username}/access", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "更改角色与范围 / Change a user's roles and scope")
    ResponseEntity<Object> changeAccess(
            @PathVariable String username, @Valid @RequestBody UserRequests.Access request) {
        user(username);
        knownPlace(request.scope().scope());
        return idempotent.run(UserAccount.id(username), request, () -> {
            commands.sendAndWait(request.command(username));
            return ResponseEntity.ok(user(username));
        });
    }

    @PostMapping("/api/users/{username}/password")
    @Operation(summary = "设置密码（管理员，或本人提供当前密码）/ Set a password (ADMIN, or the user with its current one)")
    ResponseEntity<Object> changePassword(
            @PathVariable String username,
            @Valid @RequestBody UserRequests.PasswordChange request,
            Authentication caller) {
        boolean admin = caller.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + Role.ADMIN));
        boolean itself = caller.getName().equals(username);
        if (!admin && !(itself && passwords.matches(username, request.currentPassword()))) {
            throw new AccessDeniedException("only an ADMIN, or the user with its current password");
        }
        user(username);
        if (!UserRequests.strong(request.password(), username)) {
            throw new InvalidField("password", "密码至少12个字符，且不能与用户名相同 / at least 12 characters, and not the user name");
        }
        return idempotent.run(UserAccount.id(username), new UserRequests.Reason(null), () -> {
            commands.sendAndWait(new RecordPasswordChange(username));
            passwords.set(username, request.password());
            return ResponseEntity.noContent().build();
        });
    }

    @PostMapping("/api/users/{username}/disable")
    @Operation(summary = "停用用户 / Disable a user")
    ResponseEntity<Object> disable(
            @PathVariable String username, @Valid @RequestBody(required = false) UserRequests.Reason request) {
        user(username);
        String reason = request == null ? null : Text.stripped(request.reason());
        return idempotent.run(UserAccount.id(username), new UserRequests.Reason(reason), () -> {
            commands.sendAndWait(new DisableUser(username, reason));
            return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
        });
    }

    @PostMapping("/api/users/{username}/enable")
    @Operation(summary = "启用用户 / Enable a user")
    ResponseEntity<Object> enable(
            @PathVariable String username, @Valid @RequestBody(required = false) UserRequests.Reason request) {
        user(username);
        String reason = request == null ? null : Text.stripped(request.reason());
        return idempotent.run(UserAccount.id(username), new UserRequests.Reason(reason), () -> {
            commands.sendAndWait(new EnableUser(username, reason));
            return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
        });
    }

    @GetMapping(value = "/api/me", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "当前用户 / The caller")
    Me me(Principal caller) {
        User me = user(caller.getName());
        return new Me(me.username(), me.displayName(), me.roles(), me.scope());
    }

    private void knownPlace(Scope scope) {
        if (!reaches.known(scope)) {
            throw new InvalidField(
                    "scope.id", "范围 %s 不存在 / scope %s names no known place".formatted(scope.id(), scope.id()));
        }
    }

    private static NotFound unknown(String username) {
        return new NotFound("用户 %s 不存在 / unknown user %s".formatted(username, username));
    }
}
