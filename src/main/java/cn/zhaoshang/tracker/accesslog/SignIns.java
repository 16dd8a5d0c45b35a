package cn.zhaoshang.tracker.accesslog;

import cn.zhaoshang.tracker.shared.AccessNotRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-ins on the record. The login door publishes a success only when a password was checked or the login form was
 * used, not for each API request a remembered Basic login lets through, so there is a row per sign-in rather than
 * per call; a failure is published only for a password that was checked, so guesses refused by the login limits
 * (429, unchecked) add no row and the log grows no faster than the limits allow.
 */
@Component
class SignIns {

    private static final Logger log = LoggerFactory.getLogger(SignIns.class);

    private final AccessLog accessLog;

    SignIns(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @EventListener
    void on(AuthenticationSuccessEvent success) {
        record(success.getAuthentication(), true, "OK");
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent failure) {
        String reason = failure.getException().getClass().getSimpleName().replace("Exception", "");
        record(failure.getAuthentication(), false, reason);
    }

    /** A sign-in that cannot be recorded is logged, not refused: refusing it would not make the record whole. */
    private void record(Authentication login, boolean succeeded, String outcome) {
        String address = login.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        try {
            accessLog.signIn(login.getName(), succeeded, address == null ? null : "address=" + address, outcome);
        } catch (AccessNotRecorded failed) {
            log.error("A sign-in of {} could not be recorded", AccessLog.cut(login.getName(), 64), failed);
        }
    }
}
