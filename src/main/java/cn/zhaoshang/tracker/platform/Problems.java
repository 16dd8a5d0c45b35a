package cn.zhaoshang.tracker.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problems with bilingual titles; {@code type} names the kind of failure. */
final class Problems {

    private Problems() {}

    static ProblemDetail of(HttpStatus status, String kind, String detail) {
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
