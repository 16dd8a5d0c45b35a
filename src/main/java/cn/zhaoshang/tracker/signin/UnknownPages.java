package cn.zhaoshang.tracker.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The pages' answer when a logged-in reader is denied: a path no controller answers (a mistyped address) is a 404
 * page, "页面不存在", not the 403 that says the reader's role may not see it. The rules of {@link SecurityConfig}
 * are unchanged — a path they do not list is still denied — only the answer names the reason.
 */
final class UnknownPages implements AccessDeniedHandler {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final AccessDeniedHandler forbidden;
    private final AccessDeniedHandler notFound;

    UnknownPages(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this(
                mappings,
                new AccessDeniedHandlerImpl(),
                (request, response, denied) -> response.sendError(HttpStatus.NOT_FOUND.value()));
    }

    /** The API's: both answers are problems. */
    UnknownPages(
            ObjectProvider<RequestMappingHandlerMapping> mappings,
            AccessDeniedHandler forbidden,
            AccessDeniedHandler notFound) {
        this.mappings = mappings;
        this.forbidden = forbidden;
        this.notFound = notFound;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, jakarta.servlet.ServletException {
        if (response.isCommitted()) {
            return;
        }
        if (answered(request)) {
            forbidden.handle(request, response, denied);
        } else {
            notFound.handle(request, response, denied);
        }
    }

    /**
     * Whether some controller maps the path, in whatever method: a wrong method on a page is still denied (403). The
     * actuator's endpoints are mapped apart from the controllers; a reader denied one is told so.
     */
    boolean answered(HttpServletRequest request) {
        String within =
                request.getRequestURI().substring(request.getContextPath().length());
        if (within.startsWith("/actuator/")) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(within);
        return mappings.orderedStream()
                .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                .map(RequestMappingInfo::getPathPatternsCondition)
                .filter(Objects::nonNull)
                .flatMap(patterns -> patterns.getPatterns().stream())
                .anyMatch(pattern -> pattern.matches(path));
    }
}
