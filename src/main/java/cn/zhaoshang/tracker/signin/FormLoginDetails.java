package cn.zhaoshang.tracker.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The details of a login through the form, so that a form login is told apart from a Basic client's request. */
final class FormLoginDetails extends WebAuthenticationDetails {

    private static final long serialVersionUID = 1L;

    FormLoginDetails(HttpServletRequest request) {
        super(request);
    }
}
