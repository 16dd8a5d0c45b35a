package cn.zhaoshang.tracker;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reports and the hash chain run behind the commands: tests wait for both before they read. */
public final class CaughtUp {

    private CaughtUp() {}

    /** Waits until the report projection and the hash chain have handled every stored event; returns the head. */
    public static long await(JdbcClient jdbc) throws InterruptedException {
        long head = jdbc.sql("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry")
                .query(Long.class)
                .single();
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            long seen = jdbc.sql(
                            """
                            SELECT LEAST((SELECT COALESCE(MAX(position), 0) FROM report_position),
                                         (SELECT COALESCE(MAX(position), 0) FROM event_hash))""")
                    .query(Long.class)
                    .single();
            if (seen >= head) {
                return head;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the report projection and the hash chain did not reach position " + head);
    }
}
