package cn.zhaoshang.tracker.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problems with bilingual titles, one per status; {@code type} names the kind of failure. The slices that
 * answer a problem of their own (a duplicate signing, a rejected ledger, a refused evidence file) build it here too.
 */
public final class Problems {

    /** Said when a command lost to another on the same aggregate even after its retries, on the API and the pages. */
    public static final String CONCURRENT_CHANGE = "另一个同时提交的变更已先生效，请重试 / a concurrent change won, please retry";

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:problem:" + kind));
        problem.setTitle(title(status));
        return problem;
    }

    static ProblemDetail invalid(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    record FieldError(String field, String message) {}

    /**
     * Writes the problem as the whole answer, for filters that answer before any controller runs; it ends with a line
     * break as every JSON answer does ({@code JsonConfig}).
     */
    public static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write((json.writeValueAsString(problem) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The problem's members as JSON has them, for writers without Spring's problem support. */
    static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.getType().toString());
        members.put("title", problem.getTitle());
        members.put("status", problem.getStatus());
        members.put("detail", problem.getDetail());
        return members;
    }

    /** A problem for a status alone, when nothing more is known than the status (errors of the container). */
    static ProblemDetail forStatus(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> of(status, "invalid-request", "请求无法解析 / the request could not be read");
            case UNAUTHORIZED -> of(status, "unauthorized", "需要登录 / authentication required");
            case FORBIDDEN -> of(status, "forbidden", "无权访问 / access denied");
            case NOT_FOUND -> of(status, "not-found", "没有这个地址 / there is nothing at this address");
            case METHOD_NOT_ALLOWED -> of(status, "method-not-allowed", "不支持该方法 / method not allowed");
            case PAYLOAD_TOO_LARGE -> of(status, "payload-too-large", "请求过大 / the request is too large");
            case UNSUPPORTED_MEDIA_TYPE -> of(status, "unsupported-media-type", "不支持的内容类型 / unsupported media type");
            case TOO_MANY_REQUESTS -> of(status, "too-many-requests", "请求过多，请稍后再试 / too many requests, try later");
            default -> status.is5xxServerError()
                    ? of(status, "internal", "服务器内部错误，已记录日志 / internal error, it has been logged")
                    : of(status, "http-" + status.value(), status.getReasonPhrase());
        };
    }

    private static final Map<HttpStatus, String> TITLES = Map.ofEntries(
            Map.entry(HttpStatus.BAD_REQUEST, "请求无效 / Bad Request"),
            Map.entry(HttpStatus.UNAUTHORIZED, "未认证 / Unauthorized"),
            Map.entry(HttpStatus.FORBIDDEN, "无权访问 / Forbidden"),
            Map.entry(HttpStatus.NOT_FOUND, "未找到 / Not Found"),
            Map.entry(HttpStatus.METHOD_NOT_ALLOWED, "方法不允许 / Method Not Allowed"),
            Map.entry(HttpStatus.NOT_ACCEPTABLE, "无法提供所需格式 / Not Acceptable"),
            Map.entry(HttpStatus.CONFLICT, "与当前状态冲突 / Conflict"),
            Map.entry(HttpStatus.PRECONDITION_FAILED, "版本不符 / Precondition Failed"),
            Map.entry(HttpStatus.PAYLOAD_TOO_LARGE, "请求体过大 / Payload Too Large"),
            Map.entry(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型 / Unsupported Media Type"),
            Map.entry(HttpStatus.UNPROCESSABLE_ENTITY, "幂等键冲突 / Unprocessable Content"),
            Map.entry(HttpStatus.TOO_MANY_REQUESTS, "请求过多 / Too Many Requests"),
            Map.entry(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误 / Internal Server Error"));

    static String title(HttpStatus status) {
        return TITLES.getOrDefault(status, status.getReasonPhrase());
    }
}
