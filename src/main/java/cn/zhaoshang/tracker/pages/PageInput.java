package cn.zhaoshang.tracker.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.ui.Model;

/**
 * A page's query parameters as typed, read one by one. What cannot be read is noted as a message key and the page is
 * shown again with its form and the list of what was wrong (a 400), instead of the error page: an auditor's filter is
 * long to type again. The sample's requests (page and API alike) read their numbers with it too.
 */
public final class PageInput {

    private final List<String> errors = new ArrayList<>();

    /** The text read by {@code parse}; null when absent or unreadable (then {@code error} is noted). */
    public <T> T parsed(String text, Function<String, T> parse, String error) {
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (DateTimeParseException | IllegalArgumentException unreadable) {
            errors.add(error);
            return null;
        }
    }

    /** A whole number from {@code least} to {@code most}; null when blank or out of range (then {@code error} is noted). */
    public Long number(String text, long least, long most, String error) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long number = Long.parseLong(text.strip());
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // noted below, as a number out of range is
        }
        errors.add(error);
        return null;
    }

    /** Notes {@code error} unless the input passes a check of its own. */
    public void require(boolean passes, String error) {
        if (!passes) {
            errors.add(error);
        }
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The page again with the errors listed ({@code ${errors}}), answered with 400. */
    public String refused(String view, Model model, HttpServletResponse response) {
        return refused(view, model, response, errors);
    }

    /** The page again with {@code errors} listed, answered with 400. */
    public static String refused(String view, Model model, HttpServletResponse response, List<String> errors) {
        model.addAttribute("errors", errors);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return view;
    }
}
