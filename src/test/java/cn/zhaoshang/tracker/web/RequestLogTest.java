package cn.zhaoshang.tracker.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.operations.Drain;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.MDC;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest {

    private final Map<String, String> seen = new HashMap<>();

    @Test
    void lines_written_while_serving_carry_the_node_the_request_and_the_user_and_one_access_line_ends_it(
            CapturedOutput output) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/projects");
        request.setQueryString("zoneId=songmu");
        request.addHeader(RequestLog.REQUEST_ID, "nginx-4711");
        MockHttpServletResponse response = new MockHttpServletResponse();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "bureau", null, AuthorityUtils.createAuthorityList("ROLE_BUREAU")));
        try {
            new RequestLog(
                            "node-a",
                            new Drain(java.time.Duration.ZERO, event -> {}, null),
                            new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
                    .doFilter(
                            request,
                            response,
                            new MockFilterChain(
                                    new jakarta.servlet.http.HttpServlet() {},
                                    new RequestLog.UserInLog(),
                                    (req, res, chain) -> {
                                        seen.putAll(MDC.getCopyOfContextMap());
                                        ((MockHttpServletResponse) res).setStatus(201);
                                    }));
        } finally {
            SecurityContextHolder.clearContext();
        }

        assertThat(seen)
                .containsEntry("node", "node-a")
                .containsEntry("requestId", "nginx-4711")
                .containsEntry("user", "bureau");
        assertThat(response.getHeader(RequestLog.REQUEST_ID)).isEqualTo("nginx-4711");
        assertThat(output).contains("GET /api/projects?zoneId=songmu 201");
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void a_forged_request_id_or_line_break_does_not_reach_the_log(CapturedOutput output) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x\n2026-01-01 INFO forged");
        request.addHeader(RequestLog.REQUEST_ID, "evil\nline");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestLog(
                        "node-a",
                        new Drain(java.time.Duration.ZERO, event -> {}, null),
                        new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
                .doFilter(request, response, new MockFilterChain());

        assertThat(response.getHeader(RequestLog.REQUEST_ID)).matches("[0-9a-f]{16}");
        assertThat(output).contains("GET /x?2026-01-01 INFO forged").doesNotContain("evil");
    }
}
