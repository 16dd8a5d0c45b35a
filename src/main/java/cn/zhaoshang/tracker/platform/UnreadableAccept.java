package cn.zhaoshang.tracker.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An Accept header that is not a media type at all ("garbage/") is read as "*&#47;*": otherwise not even an error
 * could be written back, and the caller would get an empty 4xx instead of a problem that says what went wrong.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableAccept extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || readable(accept)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getHeader(String name) {
                        return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.ALL_VALUE : super.getHeader(name);
                    }

                    @Override
                    public Enumeration<String> getHeaders(String name) {
                        return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                                ? Collections.enumeration(java.util.List.of(MediaType.ALL_VALUE))
                                : super.getHeaders(name);
                    }
                },
                response);
    }

    private static boolean readable(String accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
