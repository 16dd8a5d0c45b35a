package cn.zhaoshang.tracker.accesslog;

import cn.zhaoshang.tracker.platform.NodeName;
import cn.zhaoshang.tracker.shared.AccessNotRecorded;
import cn.zhaoshang.tracker.shared.AccessRecords;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code access_record} table: rows appended in a short transaction of their own (so that a read inside a
 * longer one is on the record even if that one rolls back), read back page by page. Every text is cut to its
 * column, so a row stays a few hundred bytes whatever a caller typed.
 */
@Component
class AccessLog implements AccessRecords {

    static final int NAME_LENGTH = 64;
    static final int TEXT_LENGTH = 200;
    static final int PERIOD_LENGTH = 32;
    static final int ZONE_LENGTH = 40;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final String node;

    AccessLog(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${tracker.node-id:}") String nodeId) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.node = cut(NodeName.of(nodeId), 100);
    }

    /** One row as the API shows it. */
    record Entry(
            long id,
            Instant recordedAt,
            String node,
            String username,
            Kind kind,
            String zoneId,
            String period,
            Long position,
            String contentHash,
            String parameters,
            String outcome) {}

    @Override
    public void record(Read read) {
        append(caller(), read);
    }

    /** A sign-in, whose user is the one that signed in (or the name typed), not the request's caller yet. */
    void signIn(String username, boolean succeeded, String parameters, String outcome) {
        append(
                username == null || username.isBlank() ? null : username,
                new Read(
                        succeeded ? Kind.SIGNED_IN : Kind.SIGN_IN_FAILED, null, null, null, null, parameters, outcome));
    }

    List<Entry> find(AccessQuery query) {
        AccessQuery.Sql sql = query.sql();
        JdbcClient.StatementSpec statement = jdbc.sql(sql.text());
        for (Object parameter : sql.parameters()) {
            statement = statement.param(parameter);
        }
        return statement
                .query((row, number) -> new Entry(
                        row.getLong("id"),
                        row.getTimestamp("recorded_at").toInstant(),
                        row.getString("node"),
                        row.getString("username"),
                        Kind.valueOf(row.getString("kind")),
                        row.getString("zone_id"),
                        row.getString("period"),
                        row.getObject("position", Long.class),
                        row.getString("content_hash"),
                        row.getString("parameters"),
                        row.getString("outcome")))
                .list();
    }

    private void append(String username, Read read) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql(
                            "INSERT INTO access_record (recorded_at, node, username, kind, zone_id, period, position,"
                                    + " content_hash, parameters, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .param(Timestamp.from(clock.instant()))
                    .param(node)
                    .param(cut(username, NAME_LENGTH))
                    .param(read.kind().name())
                    .param(cut(read.zoneId(), ZONE_LENGTH))
                    .param(cut(read.period(), PERIOD_LENGTH))
                    .param(read.position())
                    .param(read.contentHash())
                    .param(cut(read.parameters(), TEXT_LENGTH))
                    .param(read.outcome() == null ? "OK" : cut(read.outcome(), TEXT_LENGTH))
                    .update());
        } catch (DataAccessException | TransactionException failed) {
            throw new AccessNotRecorded(failed);
        }
    }

    private static String caller() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null || caller instanceof AnonymousAuthenticationToken ? null : caller.getName();
    }

    static String cut(String text, int length) {
        if (text == null) {
            return null;
        }
        if (text.length() <= length) {
            return text;
        }
        // never half of a character outside the Basic Multilingual Plane
        return text.substring(0, Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length);
    }
}
