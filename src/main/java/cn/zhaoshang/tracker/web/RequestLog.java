package cn.zhaoshang.tracker.web;

import cn.zhaoshang.tracker.operations.Drain;
import cn.zhaoshang.tracker.platform.NodeName;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every log line written while a request is served carries the instance ({@code node}), the request's id
 * ({@code requestId}: the proxy's {@code X-Request-Id} when it sends a plausible one, else a new one, returned in the
 * answer's header) and, once known, the user; the request ends with one access line on the logger
 * {@code tracker.http}: method, path, status, milliseconds. Structured (JSON) logs carry the same as fields. While the
 * instance drains before a stop, each answer closes its connection ({@link Drain}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLog extends OncePerRequestFilter {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{Cntrl}]");
    private static final int LONGEST_PATH = 300;
    private static final Logger ACCESS = LoggerFactory.getLogger("tracker.http");

    private final String node;
    private final Drain drain;
    private final Counter serverErrors;

    RequestLog(@Value("${tracker.node-id:}") String nodeId, Drain drain, MeterRegistry metrics) {
        this.node = NodeName.of(nodeId);
        this.drain = drain;
        // registered now, not at the first error: an alert on its increase sees the first one
        this.serverErrors = Counter.builder("tracker.http.server.errors")
                .description("answers with a 5xx status")
                .register(metrics);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = request.getHeader(REQUEST_ID);
        if (id == null || !PLAUSIBLE_ID.matcher(id).matches()) {
            id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        }
        response.setHeader(REQUEST_ID, id);
        if (drain.draining()) {
            response.setHeader("Connection", "close");
        }
        long started = System.nanoTime();
        MDC.put("node", node);
        MDC.put("requestId", id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (response.getStatus() >= 500) {
                serverErrors.increment();
            }
            if (ACCESS.isInfoEnabled()) {
                ACCESS.info(
                        "{} {} {} {} ms",
                        request.getMethod(),
                        printable(request),
                        response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            MDC.remove("node");
            MDC.remove("requestId");
            MDC.remove("user");
        }
    }

    /** The path and query as sent, bounded, with no line breaks a client could forge log lines with. */
    private static String printable(HttpServletRequest request) {
        String path = request.getQueryString() == null
                ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
        if (path.length() > LONGEST_PATH) {
            path = path.substring(0, LONGEST_PATH) + "…";
        }
        return UNPRINTABLE.matcher(path).replaceAll("?");
    }

    /** Runs inside the security filters, where the request's user is known, and names it to the log. */
    @Component
    @Order(Ordered.LOWEST_PRECEDENCE - 10)
    static class UserInLog extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user != null
                    && user.isAuthenticated()
                    && !(user instanceof AnonymousAuthenticationToken)
                    && user.getName() != null) {
                MDC.put("user", user.getName());
            }
            chain.doFilter(request, response);
        }
    }
}
