package cn.zhaoshang.tracker.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodySizeLimitTest {

    private final BodySizeLimit filter = new BodySizeLimit(
            new ObjectMapper(), List.of(new LargerBody(List.of("/api/projects/*/evidence"), 3 * BodySizeLimit.LIMIT)));

    /** A chunked body: its length is not announced. */
    private static MockHttpServletRequest chunked(int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/projects") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContent(new byte[bytes]);
        return request;
    }

    @Test
    void a_chunked_body_is_cut_off_as_soon_as_it_passes_one_megabyte() {
        assertThatThrownBy(() -> filter.doFilter(
                        chunked((int) BodySizeLimit.LIMIT + 1),
                        new MockHttpServletResponse(),
                        (request, response) -> request.getInputStream().readAllBytes()))
                .isInstanceOf(BodySizeLimit.TooLarge.class);
    }

    @Test
    void a_chunked_body_of_exactly_one_megabyte_passes() throws Exception {
        filter.doFilter(
                chunked((int) BodySizeLimit.LIMIT), new MockHttpServletResponse(), (request, response) -> assertThat(
                                request.getInputStream().readAllBytes())
                        .hasSize((int) BodySizeLimit.LIMIT));
    }

    @Test
    void an_announced_length_over_the_limit_is_answered_413_without_reading() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/projects");
        request.setContent(new byte[(int) BodySizeLimit.LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (ignored, alsoIgnored) -> {
            throw new AssertionError("the body must not reach the application");
        });
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void a_page_s_form_over_the_limit_gets_the_413_page_not_a_problem() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/projects");
        request.addHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        request.setContent(new byte[(int) BodySizeLimit.LIMIT + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (ignored, alsoIgnored) -> {
            throw new AssertionError("the body must not reach the application");
        });
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isNull();
        assertThat(response.getContentAsString()).isEmpty();
    }

    @Test
    void a_path_declared_larger_takes_its_own_limit_and_no_more() throws Exception {
        MockHttpServletRequest fits = new MockHttpServletRequest("POST", "/api/projects/p-1/evidence");
        fits.setContent(new byte[(int) (2 * BodySizeLimit.LIMIT)]);
        filter.doFilter(fits, new MockHttpServletResponse(), (request, response) -> assertThat(
                        request.getInputStream().readAllBytes())
                .hasSize((int) (2 * BodySizeLimit.LIMIT)));

        MockHttpServletRequest tooLarge = new MockHttpServletRequest("POST", "/api/projects/p-1/evidence");
        tooLarge.setContent(new byte[(int) (3 * BodySizeLimit.LIMIT) + 1]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(tooLarge, response, (ignored, alsoIgnored) -> {
            throw new AssertionError("the body must not reach the application");
        });
        assertThat(response.getStatus()).isEqualTo(413);

        MockHttpServletRequest elsewhere = new MockHttpServletRequest("POST", "/api/projects/p-1/landing");
        elsewhere.setContent(new byte[(int) BodySizeLimit.LIMIT + 1]);
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(elsewhere, refused, (ignored, alsoIgnored) -> {
            throw new AssertionError("the body must not reach the application");
        });
        assertThat(refused.getStatus()).isEqualTo(413);
    }
}
