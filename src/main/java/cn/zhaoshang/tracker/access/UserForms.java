package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.access.api.Role;
import cn.zhaoshang.tracker.shared.Scope;
import cn.zhaoshang.tracker.shared.Text;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** The users pages' forms, as typed; each becomes the API's request ({@link UserRequests}) and so its command. */
final class UserForms {

    private UserForms() {}

    /** Roles and scope, shared by the registration and the change of access. */
    static class Access {

        @NotEmpty(message = "{form.required}")
        private List<Role> roles = new ArrayList<>();

        @NotNull(message = "{form.required}")
        private Scope.Level level;

        @NotBlank(message = "{form.required}")
        @Pattern(regexp = "[a-z0-9-]{1,40}", message = "{form.slug}")
        private String scopeId;

        @Size(max = 500, message = "{form.text}")
        private String reason;

        UserRequests.ScopeBody scope() {
            return new UserRequests.ScopeBody(level, scopeId);
        }

        static Access of(UserAccounts.UserView user) {
            Access access = new Access();
            access.setRoles(new ArrayList<>(user.roles()));
            access.setLevel(user.scope().level());
            access.setScopeId(user.scope().id());
            return access;
        }

        public List<Role> getRoles() {
            return roles;
        }

        public void setRoles(List<Role> roles) {
            this.roles = roles == null ? new ArrayList<>() : roles;
        }

        public Scope.Level getLevel() {
            return level;
        }

        public void setLevel(Scope.Level level) {
            this.level = level;
        }

        public String getScopeId() {
            return scopeId;
        }

        public void setScopeId(String scopeId) {
            this.scopeId = scopeId;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    static class Registration extends Access {

        @NotNull(message = "{form.required}")
        @Pattern(regexp = UserRequests.USERNAME, message = "{form.username}")
        private String username;

        @NotBlank(message = "{form.required}")
        @Pattern(regexp = Text.NAME, message = "{form.required}")
        @Size(max = 200, message = "{form.text}")
        private String displayName;

        @NotNull(message = "{form.required}")
        @Size(max = 200, message = "{form.text}")
        private String password;

        @AssertTrue(message = "{form.password}")
        public boolean isPasswordStrong() {
            return password == null || UserRequests.strong(password, username);
        }

        UserRequests.Registration request() {
            return new UserRequests.Registration(username, displayName, password, getRoles(), scope());
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    static class NewPassword {

        @NotNull(message = "{form.required}")
        @Size(min = UserRequests.SHORTEST_PASSWORD, max = 200, message = "{form.password}")
        private String password;

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }
}
