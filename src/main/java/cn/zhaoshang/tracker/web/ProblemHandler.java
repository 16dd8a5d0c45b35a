package cn.zhaoshang.tracker.web;

import cn.zhaoshang.tracker.platform.IdempotencyKeyReused;
import cn.zhaoshang.tracker.platform.InvalidHeader;
import cn.zhaoshang.tracker.shared.AccessNotRecorded;
import cn.zhaoshang.tracker.shared.AlreadyRunning;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.Forbidden;
import cn.zhaoshang.tracker.shared.InvalidField;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.shared.OutsideScope;
import cn.zhaoshang.tracker.shared.StaleVersion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure becomes application/problem+json with a bilingual detail. Bad input is 400 and never reaches a
 * command handler, so it records nothing; anything unexpected is a logged 500 without internals.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(CommandRejected.class)
    ProblemDetail rejected(CommandRejected e) {
        return Problems.of(HttpStatus.CONFLICT, "rule-violated", e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(OutsideScope.class)
    ProblemDetail outsideScope(OutsideScope e) {
        return Problems.of(HttpStatus.FORBIDDEN, "outside-scope", e.getMessage());
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(AccessNotRecorded.class)
    ProblemDetail notRecorded(AccessNotRecorded e) {
        log.error("A read could not be recorded and was refused", e);
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-recorded", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "当前角色无权执行此操作 / your role may not do this");
    }

    @ExceptionHandler(InvalidField.class)
    ProblemDetail invalidField(InvalidField e) {
        return Problems.invalid(e.getMessage(), List.of(new Problems.FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException e) {
        return Problems.of(
                HttpStatus.NOT_FOUND,
                "not-found",
                "对象 %s 不存在 / %s does not exist".formatted(e.getAggregateIdentifier(), e.getAggregateIdentifier()));
    }

    @ExceptionHandler(StaleVersion.class)
    ProblemDetail stale(StaleVersion e) {
        return Problems.of(HttpStatus.PRECONDITION_FAILED, "version-mismatch", e.getMessage());
    }

    @ExceptionHandler({ConcurrencyException.class, PessimisticLockingFailureException.class})
    ProblemDetail concurrent(RuntimeException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-change", Problems.CONCURRENT_CHANGE);
    }

    @ExceptionHandler(AlreadyRunning.class)
    ProblemDetail alreadyRunning(AlreadyRunning e) {
        return Problems.of(HttpStatus.CONFLICT, "already-running", e.getMessage());
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail keyReused(IdempotencyKeyReused e) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", e.getMessage());
    }

    @ExceptionHandler(InvalidHeader.class)
    ProblemDetail invalidHeader(InvalidHeader e) {
        return Problems.invalid(e.getMessage(), List.of(new Problems.FieldError(e.header(), e.getMessage())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = "值 '%s' 无效 / invalid value '%s'".formatted(e.getValue(), e.getValue());
        return Problems.invalid(e.getName() + ": " + message, List.of(new Problems.FieldError(e.getName(), message)));
    }

    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejectedRequest(RequestRejectedException e) {
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "请求的路径、参数或请求头含有不允许的字符 / the path, a parameter or a header holds characters that are not allowed");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return Problems.of(
                HttpStatus.INTERNAL_SERVER_ERROR, "internal", "服务器内部错误，已记录日志 / internal error, it has been logged");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new Problems.FieldError(error.getField(), bilingual(error)))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().stream()
                .map(error -> new Problems.FieldError(error.getObjectName(), bilingual(error)))
                .forEach(errors::add);
        return problem(Problems.invalid(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldError(
                                result.getMethodParameter().getParameterName(),
                                bilingual(error, result.unwrap(error, ConstraintViolation.class)))))
                .toList();
        return problem(Problems.invalid(summary(errors), errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getMostSpecificCause();
        for (Throwable link = e; link != null; link = link.getCause()) {
            if (link instanceof BodySizeLimit.TooLarge tooLarge) {
                return problem(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", tooLarge.getMessage()));
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            String message = "未知字段 / unknown field";
            return problem(Problems.invalid(field + ": " + message, List.of(new Problems.FieldError(field, message))));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String message = expected(mapping);
            return problem(Problems.invalid(field + ": " + message, List.of(new Problems.FieldError(field, message))));
        }
        String message = cause instanceof JsonProcessingException
                ? "JSON 格式错误 / malformed JSON"
                : "请求体缺失或无法读取 / the request body is missing or unreadable";
        return problem(Problems.invalid(message, List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            HttpStatus known = HttpStatus.resolve(status.value());
            if (known != null) {
                problem.setTitle(Problems.title(known));
            }
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /**
     * The pages and the API share one catalogue of validation messages (messages.properties and its English twin,
     * keys written {@code {form.required}} in a constraint, or an error's codes, as Spring's binder writes
     * {@code typeMismatch.java.time.LocalDate}); the API says each in both languages, as all its problems do. A
     * message written out in the constraint itself is used as it is.
     */
    private String bilingual(MessageSourceResolvable error) {
        return bilingual(
                error,
                error instanceof ObjectError object && object.contains(ConstraintViolation.class)
                        ? object.unwrap(ConstraintViolation.class)
                        : null);
    }

    private String bilingual(MessageSourceResolvable error, @Nullable ConstraintViolation<?> violation) {
        String template = violation == null ? null : violation.getMessageTemplate();
        String[] keys = template != null && template.startsWith("{") && template.endsWith("}")
                ? new String[] {template.substring(1, template.length() - 1)}
                : violation == null && error.getCodes() != null ? error.getCodes() : new String[0];
        for (String key : keys) {
            String chinese = catalogue(key, Locale.SIMPLIFIED_CHINESE);
            String english = catalogue(key, Locale.ENGLISH);
            if (chinese != null && english != null) {
                return chinese + " / " + english;
            }
        }
        return error.getDefaultMessage();
    }

    private @Nullable String catalogue(String key, Locale locale) {
        return getMessageSource() == null ? null : getMessageSource().getMessage(key, null, null, locale);
    }

    /** What the field takes, said without Java's names for it and without echoing what was sent. */
    private static String expected(JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (target == String.class) {
            return e instanceof InvalidFormatException invalid && invalid.getValue() instanceof String
                    ? "含有控制字符或无效的 Unicode 字符 / holds control characters or broken Unicode"
                    : "须为文本（带引号）/ must be text (in quotes)";
        }
        if (target == LocalDate.class) {
            return "须为日期，写作 \"2023-03-15\" / must be a date written \"2023-03-15\"";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "须为 true 或 false / must be true or false";
        }
        if (target != null && (Number.class.isAssignableFrom(target) || target.isPrimitive())) {
            return "须为数字（不带引号）/ must be a number (not in quotes)";
        }
        if (target != null && target.isEnum()) {
            return "须为以下之一 / must be one of: %s"
                    .formatted(Arrays.stream(target.getEnumConstants())
                            .map(Object::toString)
                            .collect(Collectors.joining(", ")));
        }
        return "类型或格式错误 / wrong type or format";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference ->
                        reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String summary(List<Problems.FieldError> errors) {
        return errors.stream()
                .map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
    }
}
