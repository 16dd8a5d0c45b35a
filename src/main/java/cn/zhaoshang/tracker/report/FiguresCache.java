package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.platform.ReadModelReplaced;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Figures by the state of the facts they were computed from. Zone-year figures are kept by the zone's last change,
 * so that a report reads a few index entries per zone instead of every fact of the year; finished reports are kept
 * by what was asked and the position they stand at, so that the dashboards of many readers cost one computation per
 * change. Entries never go stale while rows are only added and superseded (the same position always gives the same
 * rows, and a change moves the key); a replay that repairs the rows empties the cache. Bounded by
 * Caffeine, which evicts what was used least when full.
 */
@Component
class FiguresCache {

    static final int MAX_ENTRIES = 20_000;

    record Key(String zoneId, LocalDate from, LocalDate until, long lastChange) {}

    /** A finished report: which one ({@code zone}, {@code city}), of what, for which year, at which point. */
    record ReportKey(String report, String subject, int year, ReportPoint point) {}

    private final Cache<Record, Object> figures =
            Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    ZoneYearFigures get(Key key, Supplier<ZoneYearFigures> compute) {
        return cached(key, compute);
    }

    <T> T get(ReportKey key, Supplier<T> compute) {
        return cached(key, compute);
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Record key, Supplier<T> compute) {
        T known = (T) figures.getIfPresent(key);
        if (known != null) {
            return known;
        }
        T computed = compute.get();
        figures.put(key, computed);
        return computed;
    }

    /** A replay that repaired the report's rows: what was computed from them before is forgotten. */
    @EventListener
    void on(ReadModelReplaced replaced) {
        if (replaced.name().equals(ReportProjection.PROCESSOR)) {
            clear();
        }
    }

    /** Forgets everything now and again when the current transaction (a replay) commits. */
    void clear() {
        figures.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    figures.invalidateAll();
                }
            });
        }
    }
}
