package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.report.ReportController.Clocks;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads a report's {@link Clocks} from its query: three parameters and four rules. Spring's data binder and Bean
 * Validation did this before; they cost about 40 % of what a report costs beyond the plainest authenticated read
 * (measured, docs/performance.md), and their errors named the record ("clocks") instead of the parameter and echoed
 * Java's type names. Errors here name the parameter and carry a key of the message catalogue, which the problem
 * handler says in both languages.
 */
@Configuration(proxyBeanMethods = false)
class ClocksParameters implements WebMvcConfigurer {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Clocks.class;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer container,
                    NativeWebRequest request,
                    WebDataBinderFactory binders)
                    throws MethodArgumentNotValidException {
                BindingResult errors = new MapBindingResult(new HashMap<>(), "clocks");
                Clocks clocks = read(
                        request.getParameter("asOf"),
                        request.getParameter("knownAt"),
                        request.getParameter("atPosition"),
                        errors);
                if (errors.hasErrors()) {
                    throw new MethodArgumentNotValidException(parameter, errors);
                }
                return clocks;
            }
        });
    }

    /** The clocks as given (an empty {@code asOf} or {@code atPosition} is not given); what is wrong goes to errors. */
    static Clocks read(String asOfText, String knownAt, String atPositionText, BindingResult errors) {
        LocalDate asOf = date(asOfText, errors);
        Long atPosition = position(atPositionText, errors);
        if (knownAt != null) {
            Optional<Instant> instant = KnownAt.parse(knownAt);
            if (instant.isEmpty()) {
                reject(errors, "knownAt", "form.knownAt");
            } else if (!KnownAt.inRange(instant.get())) {
                reject(errors, "knownAt", "form.knownAtYear");
            }
            if (atPosition != null) {
                // atPosition fixes where the history ends; a recording cut-off beside it would be silently ignored
                reject(errors, "knownAt", "form.knownAtWithAtPosition");
            }
        }
        return new Clocks(asOf, knownAt, atPosition);
    }

    private static LocalDate date(String text, BindingResult errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text, DateTimeFormatter.ISO_DATE);
            if (date.getYear() < 1900 || date.getYear() > 9999) {
                reject(errors, "asOf", "form.asOfYear");
            }
            return date;
        } catch (DateTimeException unreadable) {
            reject(errors, "asOf", "typeMismatch.java.time.LocalDate");
            return null;
        }
    }

    private static Long position(String text, BindingResult errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long position = Long.parseLong(text.strip());
            if (position < 0) {
                reject(errors, "atPosition", "form.notNegative");
            }
            return position;
        } catch (NumberFormatException unreadable) {
            reject(errors, "atPosition", "typeMismatch.java.lang.Long");
            return null;
        }
    }

    private static void reject(BindingResult errors, String parameter, String messageKey) {
        errors.addError(new FieldError(
                errors.getObjectName(), parameter, null, true, new String[] {messageKey}, null, messageKey));
    }
}
