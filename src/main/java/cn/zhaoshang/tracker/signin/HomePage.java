package cn.zhaoshang.tracker.signin;

import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.signin.LoginLimits.TooManyLogins;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.WebAttributes;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/** The login form, and the first page of each role: leadership its dashboard, the bureau its ledger, auditors the log. */
@Page
class HomePage {

    /** Where the form login forwards a login refused by {@link LoginLimits} ({@code SecurityConfig.formFailures}). */
    static final String LOGIN_REFUSED = "/login/refused";

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** The form again, saying how long to wait; the status (429) and Retry-After are set before the forward. */
    @RequestMapping(LOGIN_REFUSED)
    String loginRefused(
            @RequestAttribute(name = WebAttributes.AUTHENTICATION_EXCEPTION, required = false) Object failure,
            Model model) {
        if (!(failure instanceof TooManyLogins refused)) {
            return "redirect:/login";
        }
        model.addAttribute("retryAfterSeconds", refused.retryAfterSeconds());
        return "login";
    }

    @GetMapping("/")
    String home(Authentication user) {
        if (has(user, SecurityConfig.LEADERSHIP)) {
            return "redirect:/dashboard";
        }
        if (has(user, SecurityConfig.BUREAU)) {
            return "redirect:/ledger";
        }
        if (has(user, SecurityConfig.REVIEWER)) {
            return "redirect:/zones";
        }
        if (has(user, SecurityConfig.AUDITOR)) {
            return "redirect:/audit/events";
        }
        return has(user, SecurityConfig.ADMIN) ? "redirect:/admin/users" : "redirect:/login?logout";
    }

    private static boolean has(Authentication user, String role) {
        return user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + role)::equals);
    }
}
