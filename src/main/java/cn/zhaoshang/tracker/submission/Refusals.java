package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.pages.Bilingual;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.Forbidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * A form's command as the submission pages send it: a rule's refusal is a message on the page ({@code refused}) in the
 * reader's language, with its status (409, or 403 for four eyes), instead of the error page.
 */
final class Refusals {

    private Refusals() {}

    /** True when the command was recorded. */
    static boolean sent(Runnable command, Model model, Locale locale, HttpServletResponse response) {
        try {
            command.run();
            return true;
        } catch (Forbidden refused) {
            return shown(refused, HttpStatus.FORBIDDEN, model, locale, response);
        } catch (CommandRejected refused) {
            return shown(refused, HttpStatus.CONFLICT, model, locale, response);
        }
    }

    private static boolean shown(
            RuntimeException refused, HttpStatus status, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("refused", Bilingual.inLanguageOf(refused.getMessage(), locale));
        return false;
    }
}
