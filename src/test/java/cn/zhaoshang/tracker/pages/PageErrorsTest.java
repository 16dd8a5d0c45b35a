package cn.zhaoshang.tracker.pages;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.NotFound;
import java.util.Locale;
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
            ModelAndView page = errors.concurrent(lost, Locale.SIMPLIFIED_CHINESE, response);
            assertThat(response.getStatus()).isEqualTo(409);
            assertThat(page.getModel()).containsEntry("status", 409).containsEntry("detail", "另一个同时提交的变更已先生效，请重试");
            assertThat(errors.concurrent(lost, Locale.ENGLISH, response).getModel())
                    .containsEntry("detail", "a concurrent change won, please retry");
        }
    }

    @Test
    void a_page_says_what_is_missing_or_refused_in_the_reader_s_language_only() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        NotFound unknown = new NotFound("项目 p-1 不存在 / unknown project p-1");
        CommandRejected refused = new CommandRejected("项目已终止 / project is terminated");

        assertThat(errors.notFound(unknown, Locale.SIMPLIFIED_CHINESE, response).getModel())
                .containsEntry("detail", "项目 p-1 不存在");
        assertThat(errors.notFound(unknown, Locale.ENGLISH, response).getModel())
                .containsEntry("detail", "unknown project p-1");
        assertThat(errors.rejected(refused, Locale.ENGLISH, response).getModel())
                .containsEntry("detail", "project is terminated");
        assertThat(response.getStatus()).isEqualTo(409);
    }
}
