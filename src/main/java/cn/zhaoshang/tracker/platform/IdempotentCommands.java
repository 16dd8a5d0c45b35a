package cn.zhaoshang.tracker.platform;

import cn.zhaoshang.tracker.shared.CommandRejected;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * An API command in its {@link CommandTransaction}, with the contract's optional Idempotency-Key: the answer to a
 * 2xx command is stored in the same transaction as its events, so a retry after a crash or a lost answer gets the
 * first answer again and records nothing twice; the same key with another request is refused.
 */
@Component
public class IdempotentCommands {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CommandTransaction transaction;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentCommands(CommandTransaction transaction, JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Runs {@code action}, which sends one command to the aggregate {@code aggregateId}, as the request's command. */
    @SuppressWarnings("unchecked")
    public ResponseEntity<Object> run(String aggregateId, Object request, Supplier<ResponseEntity<?>> action) {
        HttpServletRequest http =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String key = http.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return (ResponseEntity<Object>) transaction.run(aggregateId, action);
        }
        if (key.isBlank() || key.length() > 200) {
            throw new InvalidHeader(IDEMPOTENCY_KEY, "须为1-200个字符 / must be 1-200 characters");
        }
        String fingerprint = fingerprint(http, request);
        Optional<StoredAnswer> earlier = find(key);
        if (earlier.isPresent()) {
            return earlier.get().replay(fingerprint);
        }
        try {
            return (ResponseEntity<Object>) transaction.run(aggregateId, () -> {
                ResponseEntity<?> answer = action.get();
                if (answer.getStatusCode().is2xxSuccessful()) {
                    store(key, fingerprint, answer);
                }
                return answer;
            });
        } catch (DuplicateKeyException sameKeyAtOnce) {
            return find(key)
                    .map(answer -> answer.replay(fingerprint))
                    .orElseThrow(() -> new CommandRejected(
                            "相同 Idempotency-Key 的请求正在处理 / a request with this Idempotency-Key is in progress"));
        }
    }

    private String fingerprint(HttpServletRequest http, Object request) {
        try {
            String canonical = AxonConfig.currentUser() + "\n" + http.getMethod() + " " + http.getRequestURI() + "\n"
                    + json.writeValueAsString(request);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private Optional<StoredAnswer> find(String key) {
        return jdbc.sql("SELECT request_hash, status, body, location, etag FROM idempotency_key WHERE idem_key = ?")
                .param(key)
                .query(new DataClassRowMapper<>(StoredAnswer.class))
                .optional();
    }

    private void store(String key, String fingerprint, ResponseEntity<?> answer) {
        try {
            HttpHeaders headers = answer.getHeaders();
            jdbc.sql(
                            """
                    INSERT INTO idempotency_key (idem_key, request_hash, status, body, location, etag, recorded_by, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            key,
                            fingerprint,
                            answer.getStatusCode().value(),
                            json.writeValueAsString(answer.getBody()),
                            headers.getLocation() == null
                                    ? null
                                    : headers.getLocation().toString(),
                            headers.getETag(),
                            AxonConfig.currentUser(),
                            OffsetDateTime.now(clock))
                    .update();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    record StoredAnswer(String requestHash, int status, String body, String location, String etag) {

        ResponseEntity<Object> replay(String fingerprint) {
            if (!requestHash.equals(fingerprint)) {
                throw new IdempotencyKeyReused();
            }
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
            if (location != null) {
                headers.set(HttpHeaders.LOCATION, location);
            }
            if (etag != null) {
                headers.setETag(etag);
            }
            // the stored body is the answer's JSON; written out it ends with a line break as every JSON answer does
            return new ResponseEntity<>(body + "\n", headers, HttpStatus.valueOf(status));
        }
    }
}
