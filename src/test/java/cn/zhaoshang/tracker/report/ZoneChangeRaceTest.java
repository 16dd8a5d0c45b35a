package cn.zhaoshang.tracker.report;

import static cn.zhaoshang.tracker.report.ReportFixture.signed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The two segments of the report processor handle different projects of one zone at once. The zone's first change
 * is an insert in both; the second waits for the first to commit and must then raise the row, not fail its batch.
 */
class ZoneChangeRaceTest {

    @AutoClose
    private final ReportFixture history = new ReportFixture();

    @Test
    void two_segments_changing_a_zone_for_the_first_time_at_once_both_commit_and_the_later_position_stays()
            throws Exception {
        history.at("2020-01-02T02:00:00Z", signed("p0", "calm", "2020-01-02", "100")); // the token's row exists
        CountDownLatch firstInserted = new CountDownLatch(1);
        CompletableFuture<Void> firstSegment = CompletableFuture.runAsync(() -> history.inTransaction(() -> {
            history.at("2024-03-01T02:00:00Z", signed("p1", "race", "2024-03-01", "100"));
            firstInserted.countDown();
            sleep(300); // the second segment's insert now waits for this transaction
        }));
        assertThat(firstInserted.await(10, TimeUnit.SECONDS)).isTrue();

        history.inTransaction(() -> history.at("2024-03-02T02:00:00Z", signed("p2", "race", "2024-03-02", "100")));
        firstSegment.get(10, TimeUnit.SECONDS);

        assertThat(history.jdbc
                        .sql("SELECT last_position FROM report_zone_change WHERE zone_id = 'race'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3L);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
