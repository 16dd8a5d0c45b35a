package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.access.AccessCommands.ChangeAccess;
import cn.zhaoshang.tracker.access.AccessCommands.RegisterUser;
import cn.zhaoshang.tracker.access.api.Role;
import cn.zhaoshang.tracker.shared.Scope;
import cn.zhaoshang.tracker.shared.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The bodies of the user requests as governance.md §2 fixes them, with their validation. */
final class UserRequests {

    static final String USERNAME = "[a-z0-9._-]{3,32}";
    static final int SHORTEST_PASSWORD = 12;

    private UserRequests() {}

    record ScopeBody(
            @NotNull(message = "{form.required}") Scope.Level level,
            @NotNull(message = "{form.required}") @Pattern(regexp = "[a-z0-9-]{1,40}", message = "{form.slug}")
                    String id) {

        Scope scope() {
            return new Scope(level, id);
        }
    }

    record Registration(
            @NotNull(message = "{form.required}") @Pattern(regexp = USERNAME, message = "{form.username}")
                    String username,
            @NotBlank(message = "{form.required}")
                    @Pattern(regexp = Text.NAME, message = "{form.required}")
                    @Size(max = 200, message = "{form.text}")
                    String displayName,
            @NotNull(message = "{form.required}") @Size(max = 200, message = "{form.text}") String password,
            @NotEmpty(message = "{form.required}") List<@NotNull(message = "{form.required}") Role> roles,
            @NotNull(message = "{form.required}") @Valid ScopeBody scope) {

        @AssertTrue(message = "{form.password}")
        boolean isPasswordStrong() {
            return strong(password, username);
        }

        RegisterUser command() {
            return new RegisterUser(username, displayName.strip(), List.copyOf(roles), scope.scope());
        }

        /** What the Idempotency-Key compares: the request without its password. */
        Registration withoutPassword() {
            return new Registration(username, displayName, null, roles, scope);
        }
    }

    record Access(
            @NotEmpty(message = "{form.required}") List<@NotNull(message = "{form.required}") Role> roles,
            @NotNull(message = "{form.required}") @Valid ScopeBody scope,
            @Size(max = 500, message = "{form.text}") String reason) {

        ChangeAccess command(String username) {
            return new ChangeAccess(username, List.copyOf(roles), scope.scope(), Text.stripped(reason));
        }
    }

    record PasswordChange(
            @NotNull(message = "{form.required}") @Size(max = 200, message = "{form.text}") String password,
            @Size(max = 200, message = "{form.text}") String currentPassword) {}

    record Reason(@Size(max = 500, message = "{form.text}") String reason) {}

    static boolean strong(String password, String username) {
        return password == null || (password.length() >= SHORTEST_PASSWORD && !password.equals(username));
    }
}
