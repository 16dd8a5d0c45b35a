package cn.zhaoshang.tracker;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reports and the hash chain run behind the commands: tests wait for both before they read. */
public final class CaughtUp {

    private CaughtUp() {}

    /** Waits until the report projection and the hash chain have handled every stored event; returns the head. */
    public static long await(JdbcClient jdbc) throws InterruptedException {
        long head = jdbc.sql("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry")
                .query(Long.class)
                .single();
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (reportTokenAt(jdbc) >= head && chainHead(jdbc) >= head) {
                return head;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the report projection and the hash chain did not reach position " + head);
    }

    /**
     * The report processor's token (a gap-aware token, stored as {@code {"index":N,"gaps":[…]}}), not its last row:
     * events the reports do not count (a warning, say) move the token but write no row.
     */
    private static long reportTokenAt(JdbcClient jdbc) {
        return jdbc
                .sql("SELECT token FROM TokenEntry WHERE processorName = 'report'")
                .query((row, n) -> row.getBytes(1))
                .list()
                .stream()
                .mapToLong(token -> {
                    Matcher index = TOKEN_INDEX.matcher(token == null ? "" : new String(token, StandardCharsets.UTF_8));
                    return index.find() ? Long.parseLong(index.group(1)) : -1;
                })
                .min()
                .orElse(-1);
    }

    private static long chainHead(JdbcClient jdbc) {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM event_hash")
                .query(Long.class)
                .single();
    }

    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
}
