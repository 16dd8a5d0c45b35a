package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A page as the tests read it through MockMvc: the pages are UTF-8, whatever the mock response assumes. */
public final class Html {

    private Html() {}

    /** The page at {@code path} as {@code reader} gets it; the test fails unless it is answered with 200. */
    public static String page(MockMvc mvc, String path, RequestPostProcessor reader) throws Exception {
        return page(mvc, get(path).with(reader));
    }

    /** The answer to {@code request} (its reader included) as text; the test fails unless it is 200. */
    public static String page(MockMvc mvc, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus())
                .as(response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
