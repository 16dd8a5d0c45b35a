package cn.zhaoshang.tracker.pages;

import cn.zhaoshang.tracker.shared.AccessNotRecorded;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.Forbidden;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page for failures of {@link Page} controllers: 404, 409 and bad parameters say what went wrong, in the
 * reader's language (the exceptions say it "中文 / English", as the API shows it; a page shows one half). It
 * comes before {@code ProblemHandler}, which answers everything else (the API, and requests no controller took) with
 * problem+json.
 */
@ControllerAdvice(annotations = Page.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e, Locale locale, HttpServletResponse response) {
        return page(HttpStatus.NOT_FOUND, Bilingual.inLanguageOf(e.getMessage(), locale), response);
    }

    @ExceptionHandler(Forbidden.class)
    ModelAndView forbidden(Forbidden e, Locale locale, HttpServletResponse response) {
        return page(HttpStatus.FORBIDDEN, Bilingual.inLanguageOf(e.getMessage(), locale), response);
    }

    @ExceptionHandler(AccessNotRecorded.class)
    ModelAndView notRecorded(AccessNotRecorded e, Locale locale, HttpServletResponse response) {
        log.error("A read could not be recorded and was refused", e);
        return page(HttpStatus.SERVICE_UNAVAILABLE, Bilingual.inLanguageOf(e.getMessage(), locale), response);
    }

    @ExceptionHandler(CommandRejected.class)
    ModelAndView rejected(CommandRejected e, Locale locale, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, Bilingual.inLanguageOf(e.getMessage(), locale), response);
    }

    @ExceptionHandler({ConcurrencyException.class, PessimisticLockingFailureException.class})
    ModelAndView concurrent(RuntimeException e, Locale locale, HttpServletResponse response) {
        return page(HttpStatus.CONFLICT, Bilingual.inLanguageOf(Problems.CONCURRENT_CHANGE, locale), response);
    }

    @ExceptionHandler({
        HandlerMethodValidationException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class
    })
    ModelAndView badParameter(Exception e, HttpServletResponse response) {
        return page(HttpStatus.BAD_REQUEST, null, response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        log.error("Unexpected failure of a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null, response);
    }

    private static ModelAndView page(HttpStatus status, String detail, HttpServletResponse response) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        return page;
    }
}
