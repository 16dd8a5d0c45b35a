package cn.zhaoshang.tracker.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies over 1 MB are refused with 413 before they are parsed: at once when the length is announced (a
 * browser's form gets the 413 page), as soon as the limit is passed when the body is chunked. A POST to the paths of a
 * {@link LargerBody} (an evidence file) has that one's limit instead. It runs before Spring Security, whose CSRF check would
 * otherwise have Tomcat parse a page's multipart upload first; Tomcat's own multipart limits are 1 MB too
 * ({@code spring.servlet.multipart}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodySizeLimit extends OncePerRequestFilter {

    static final long LIMIT = 1024 * 1024;
    private static final String DETAIL = "请求体超过 1 MB / the request body is larger than 1 MB";

    private final ObjectMapper json;
    private final List<LargerBody> larger;

    BodySizeLimit(ObjectMapper json, List<LargerBody> larger) {
        this.json = json;
        this.larger = larger;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limit(request);
        if (request.getContentLengthLong() > limit) {
            if (fromPage(request)) {
                response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            } else {
                Problems.write(
                        json, response, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", detail(limit)));
            }
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private long limit(HttpServletRequest request) {
        if (!HttpMethod.POST.matches(request.getMethod())) {
            return LIMIT;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return larger.stream()
                .filter(body -> body.paths().stream().anyMatch(pattern -> PATHS.match(pattern, path)))
                .mapToLong(LargerBody::maxBytes)
                .max()
                .orElse(LIMIT);
    }

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private static String detail(long limit) {
        return limit == LIMIT
                ? DETAIL
                : "请求体超过 %d 字节 / the request body is larger than %d bytes".formatted(limit, limit);
    }

    /**
     * A form of the pages, sent by a browser: it gets the error page in the reader's language (through
     * {@code ErrorAnswers}), everyone else the problem.
     */
    private static boolean fromPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return !path.startsWith("/api/") && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    /** Thrown while reading a chunked body past the limit; the problem handler answers 413. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super(detail(limit));
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int next = body.read();
                    if (next >= 0 && ++read > limit) {
                        throw new TooLarge(limit);
                    }
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int count = body.read(buffer, offset, length);
                    if (count > 0 && (read += count) > limit) {
                        throw new TooLarge(limit);
                    }
                    return count;
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
