package cn.zhaoshang.tracker.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;

/** The login form, and the first page of each role: leadership its dashboard, the bureau its ledger, auditors the log. */
@Page
class HomePage {

    @GetMapping("/login")
    String login() {
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
        return "redirect:/audit/events";
    }

    private static boolean has(Authentication user, String role) {
        return user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + role)::equals);
    }
}
