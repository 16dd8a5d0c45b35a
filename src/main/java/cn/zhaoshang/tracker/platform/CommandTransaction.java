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
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Runs one HTTP command in one database transaction: the events, the read models kept in step with them and the
 * stored answer to its Idempotency-Key commit together or not at all, so a retry after a crash never records
 * twice. It holds its aggregate's row in {@code aggregate_lock} from its first statement to its commit (ADR 0015):
 * commands on the same aggregate run one after the other, commands on different ones in parallel. A conflict with a
 * concurrent command on the same aggregate is retried from scratch.
 */
@Component
public class CommandTransaction {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final int ATTEMPTS = 5;
    /** As long as {@code DomainEventEntry.aggregateIdentifier} and {@code aggregate_lock.aggregate_id} allow. */
    private static final int LONGEST_AGGREGATE_ID = 255;

    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    CommandTransaction(TransactionTemplate transactions, JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Runs {@code action}, which sends one command to the aggregate {@code aggregateId}, as the request's command. */
    public ResponseEntity<Object> run(String aggregateId, Object request, Supplier<ResponseEntity<?>> action) {
        HttpServletRequest http =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        String key = http.getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return withRetries(() -> transactions.execute(status -> {
                holdAggregate(aggregateId);
                return action.get();
            }));
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
            return withRetries(() -> transactions.execute(status -> {
                holdAggregate(aggregateId);
                ResponseEntity<?> answer = action.get();
                if (answer.getStatusCode().is2xxSuccessful()) {
                    store(key, fingerprint, answer);
                }
                return answer;
            }));
        } catch (DuplicateKeyException sameKeyAtOnce) {
            return find(key)
                    .map(answer -> answer.replay(fingerprint))
                    .orElseThrow(() -> new CommandRejected(
                            "相同 Idempotency-Key 的请求正在处理 / a request with this Idempotency-Key is in progress"));
        }
    }

    /**
     * This transaction outlives the command's unit of work, and with it Axon's lock on the aggregate: a second
     * request for the same aggregate could load it before the first commits and conflict on its sequence number.
     * Holding the aggregate's row to the commit makes it load after the first commits. The row is created by the
     * aggregate's first HTTP command; two first commands at once both find no row, one of them fails to insert it
     * once the other commits and is retried. The append lock (ADR 0007) is taken later, when events are appended.
     */
    private void holdAggregate(String aggregateId) {
        if (aggregateId.length() > LONGEST_AGGREGATE_ID) {
            return; // names no aggregate: the command itself answers that it does not exist
        }
        int held = jdbc.sql("UPDATE aggregate_lock SET commands = commands + 1 WHERE aggregate_id = ?")
                .param(aggregateId)
                .update();
        if (held == 0) {
            try {
                jdbc.sql("INSERT INTO aggregate_lock (aggregate_id, commands) VALUES (?, 1)")
                        .param(aggregateId)
                        .update();
            } catch (DuplicateKeyException firstCommandsAtOnce) {
                throw new ConcurrencyException("aggregate " + aggregateId + " got its lock row meanwhile");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> withRetries(Supplier<ResponseEntity<?>> attempt) {
        for (int tried = 1; ; tried++) {
            try {
                return (ResponseEntity<Object>) attempt.get();
            } catch (ConcurrencyException concurrentChange) {
                if (tried == ATTEMPTS) {
                    throw concurrentChange;
                }
            }
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
            return new ResponseEntity<>(body, headers, HttpStatus.valueOf(status));
        }
    }
}
