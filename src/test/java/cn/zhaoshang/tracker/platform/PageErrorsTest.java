package cn.zhaoshang.tracker.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;

class PageErrorsTest {

    private final PageErrors errors = new PageErrors();

    @Test
    void a_command_that_lost_to_a_concurrent_one_is_a_409_page_that_says_so_not_a_server_error() {
        for (RuntimeException lost : new RuntimeException[] {
            new ConcurrencyException("sequence taken"), new PessimisticLockingFailureException("lock timeout")
        }) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            ModelAndView page = errors.concurrent(lost, response);
            assertThat(response.getStatus()).isEqualTo(409);
            assertThat(page.getModel())
                    .containsEntry("status", 409)
                    .containsEntry("detail", Problems.CONCURRENT_CHANGE);
        }
    }
}
