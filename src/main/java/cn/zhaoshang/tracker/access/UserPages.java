package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.access.AccessCommands.DisableUser;
import cn.zhaoshang.tracker.access.AccessCommands.EnableUser;
import cn.zhaoshang.tracker.access.AccessCommands.RecordPasswordChange;
import cn.zhaoshang.tracker.access.api.Role;
import cn.zhaoshang.tracker.pages.Bilingual;
import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.platform.CommandTransaction;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.shared.Scope;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 用户与权限, for ADMIN: every user with its roles, scope and state; register one; change a user's roles and scope,
 * reset its password, disable or enable it. Each form sends the API's command in its transaction.
 */
@Page
class UserPages {

    private final CommandGateway commands;
    private final CommandTransaction transaction;
    private final UserAccounts accounts;
    private final Passwords passwords;
    private final Reaches reaches;
    private final MessageSource messages;

    UserPages(
            CommandGateway commands,
            CommandTransaction transaction,
            UserAccounts accounts,
            Passwords passwords,
            Reaches reaches,
            MessageSource messages) {
        this.commands = commands;
        this.transaction = transaction;
        this.accounts = accounts;
        this.passwords = passwords;
        this.reaches = reaches;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("registration", new UserForms.Registration());
        return list(model);
    }

    @PostMapping("/admin/users")
    String register(
            @Valid @ModelAttribute("registration") UserForms.Registration form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next) {
        knownPlace(form, errors);
        if (errors.hasErrors()) {
            return list(model);
        }
        UserRequests.Registration request = form.request();
        if (!send(request.username(), errors, locale, () -> {
            commands.sendAndWait(request.command());
            passwords.set(request.username(), request.password());
        })) {
            return list(model);
        }
        next.addFlashAttribute("flash", text("users.registered", locale, request.username()));
        return "redirect:/admin/users/" + request.username();
    }

    @GetMapping("/admin/users/{username}")
    String user(@PathVariable String username, Model model) {
        UserAccounts.UserView user = find(username);
        model.addAttribute("access", UserForms.Access.of(user));
        model.addAttribute("newPassword", new UserForms.NewPassword());
        return page(user, model);
    }

    @PostMapping("/admin/users/{username}/access")
    String changeAccess(
            @PathVariable String username,
            @Valid @ModelAttribute("access") UserForms.Access form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next) {
        UserAccounts.UserView user = find(username);
        knownPlace(form, errors);
        if (errors.hasErrors()
                || !send(
                        username,
                        errors,
                        locale,
                        () -> commands.sendAndWait(
                                new UserRequests.Access(form.getRoles(), form.scope(), form.getReason())
                                        .command(username)))) {
            model.addAttribute("newPassword", new UserForms.NewPassword());
            return page(user, model);
        }
        next.addFlashAttribute("flash", text("users.accessChanged", locale, username));
        return "redirect:/admin/users/" + username;
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(
            @PathVariable String username,
            @Valid @ModelAttribute("newPassword") UserForms.NewPassword form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next) {
        UserAccounts.UserView user = find(username);
        if (form.getPassword() != null && !UserRequests.strong(form.getPassword(), username)) {
            errors.rejectValue("password", "form.password");
        }
        if (errors.hasErrors()
                || !send(username, errors, locale, () -> {
                    commands.sendAndWait(new RecordPasswordChange(username));
                    passwords.set(username, form.getPassword());
                })) {
            model.addAttribute("access", UserForms.Access.of(user));
            return page(user, model);
        }
        next.addFlashAttribute("flash", text("users.passwordSet", locale, username));
        return "redirect:/admin/users/" + username;
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, Locale locale, RedirectAttributes next) {
        return toggle(
                username,
                locale,
                next,
                () -> commands.sendAndWait(new DisableUser(username, null)),
                "users.disabledFlash");
    }

    @PostMapping("/admin/users/{username}/enable")
    String enable(@PathVariable String username, Locale locale, RedirectAttributes next) {
        return toggle(
                username,
                locale,
                next,
                () -> commands.sendAndWait(new EnableUser(username, null)),
                "users.enabledFlash");
    }

    private String toggle(String username, Locale locale, RedirectAttributes next, Runnable command, String done) {
        find(username);
        refusal(username, locale, command)
                .ifPresentOrElse(
                        refused -> next.addFlashAttribute("refused", refused),
                        () -> next.addFlashAttribute("flash", text(done, locale, username)));
        return "redirect:/admin/users/" + username;
    }

    private void knownPlace(UserForms.Access form, BindingResult errors) {
        if (form.getLevel() != null
                && form.getScopeId() != null
                && !errors.hasFieldErrors("scopeId")
                && !reaches.known(new Scope(form.getLevel(), form.getScopeId()))) {
            errors.rejectValue("scopeId", "users.unknownPlace");
        }
    }

    /** True when the command was recorded; otherwise the rule's reason is on the form. */
    private boolean send(String username, BindingResult errors, Locale locale, Runnable command) {
        Optional<String> refused = refusal(username, locale, command);
        refused.ifPresent(reason -> errors.reject("rejected", reason));
        return refused.isEmpty();
    }

    /** Runs the user's command in its transaction; the rule's reason in the reader's language if it was refused. */
    private Optional<String> refusal(String username, Locale locale, Runnable command) {
        try {
            transaction.run(UserAccount.id(username), () -> {
                command.run();
                return null;
            });
            return Optional.empty();
        } catch (CommandRejected refused) {
            return Optional.of(Bilingual.inLanguageOf(refused.getMessage(), locale));
        }
    }

    private String list(Model model) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("levels", Scope.Level.values());
        return "admin-users";
    }

    private String page(UserAccounts.UserView user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("levels", Scope.Level.values());
        return "admin-user";
    }

    private UserAccounts.UserView find(String username) {
        return accounts.find(username)
                .orElseThrow(() -> new NotFound("用户 %s 不存在 / unknown user %s".formatted(username, username)));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
