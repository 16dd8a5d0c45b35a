package cn.zhaoshang.tracker.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that no controller answered — a filter's {@code sendError}, a status the container set — reach
 * {@code /error}: pages get the error page as before, everyone else a problem+json like every other failure.
 * {@code /error} asked for directly is no error that happened, so there is nothing there: 404.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorAnswers extends BasicErrorController {

    ErrorAnswers(ErrorAttributes attributes, ServerProperties server, List<ErrorViewResolver> resolvers) {
        super(attributes, server.getError(), resolvers);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.members(Problems.forStatus(status)));
    }

    @Override
    protected HttpStatus getStatus(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null
                ? HttpStatus.NOT_FOUND
                : super.getStatus(request);
    }
}
