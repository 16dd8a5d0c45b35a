package cn.zhaoshang.tracker.ledger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many imports this instance reads and records at once, the API's and the page's together. One more is turned
 * away at once (429 with Retry-After) rather than queued: a queue would hold a request thread and its upload for each
 * waiting import, and the heap of each read (ReadLimits) is only bounded if the number of reads is.
 */
@Component
class ImportPermits {

    /** A full ledger is read in about a second and recorded in a few. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Semaphore permits;
    private final int concurrentImports;

    ImportPermits(@Value("${tracker.import.concurrent-imports:2}") int concurrentImports) {
        this.permits = new Semaphore(concurrentImports);
        this.concurrentImports = concurrentImports;
    }

    /** A permit, to close when the import is done; {@link Busy} at once when every permit is taken. */
    Permit take() {
        if (!permits.tryAcquire()) {
            throw new Busy(concurrentImports);
        }
        return permits::release;
    }

    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** Every permit is taken: the caller answers 429 with {@link #RETRY_AFTER}. */
    static final class Busy extends RuntimeException {

        Busy(int concurrentImports) {
            super("已有%d个导入正在进行，请%d秒后重试 / %d imports are already running; retry in %d s"
                    .formatted(concurrentImports, RETRY_AFTER.toSeconds(), concurrentImports, RETRY_AFTER.toSeconds()));
        }
    }
}
