package cn.zhaoshang.tracker.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies over 1 MB are refused with 413 before they are parsed: at once when the length is announced (a
 * browser's form gets the 413 page), as soon as the limit is passed when the body is chunked. It runs before Spring Security, whose CSRF check would
 * otherwise have Tomcat parse a page's multipart upload first; Tomcat's own multipart limits are 1 MB too
 * ({@code spring.servlet.multipart}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BodySizeLimit extends OncePerRequestFilter {

    static final long LIMIT = 1024 * 1024;
    private static final String DETAIL = "请求体超过 1 MB / the request body is larger than 1 MB";

    private final ObjectMapper json;

    BodySizeLimit(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT) {
            if (fromPage(request)) {
                response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
            } else {
                Problems.write(json, response, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", DETAIL));
            }
            return;
        }
        chain.doFilter(new Limited(request), response);
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
        TooLarge() {
            super(DETAIL);
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int next = body.read();
                    if (next >= 0 && ++read > LIMIT) {
                        throw new TooLarge();
                    }
                    return next;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int count = body.read(buffer, offset, length);
                    if (count > 0 && (read += count) > LIMIT) {
                        throw new TooLarge();
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
