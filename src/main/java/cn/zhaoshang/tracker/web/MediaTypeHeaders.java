package cn.zhaoshang.tracker.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Media-type headers that say nothing usable. A Content-Type that is not a media type, or a wildcard ("*&#47;*",
 * "application/*"), names no format the body could be read in: 415 before anything reads it. An Accept header that
 * is not a media type at all ("garbage/") is read as "*&#47;*": otherwise not even an error could be written back,
 * and the caller would get an empty 4xx instead of a problem that says what went wrong.
 */
@Component
// Right after Spring Boot's CharacterEncodingFilter, so that even a refused request's body has a usable encoding.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MediaTypeHeaders extends OncePerRequestFilter {

    private final ObjectMapper json;

    MediaTypeHeaders(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !concrete(contentType)) {
            Problems.write(
                    json,
                    response,
                    Problems.of(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "unsupported-media-type",
                            "Content-Type 须为具体的媒体类型，如 application/json / Content-Type must name one media type,"
                                    + " such as application/json"));
            return;
        }
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
                                ? Collections.enumeration(List.of(MediaType.ALL_VALUE))
                                : super.getHeaders(name);
                    }
                },
                response);
    }

    private static boolean concrete(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isConcrete();
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
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
