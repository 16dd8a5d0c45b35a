package cn.zhaoshang.tracker.report;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Zone-year figures by the state of the zone's facts they were computed from, so that a report reads a few index
 * entries per zone instead of every fact of the year. Entries never go stale while rows are only added and
 * superseded (a change moves the key); a replay may rewrite rows, so it empties the cache (ADR 0008).
 */
@Component
class FiguresCache {

    static final int MAX_ENTRIES = 20_000;

    record Key(String zoneId, LocalDate from, LocalDate until, long lastChange) {}

    private final Map<Key, ZoneYearFigures> figures = new ConcurrentHashMap<>();

    ZoneYearFigures get(Key key, Supplier<ZoneYearFigures> compute) {
        ZoneYearFigures known = figures.get(key);
        if (known != null) {
            return known;
        }
        ZoneYearFigures computed = compute.get();
        if (figures.size() >= MAX_ENTRIES) {
            figures.clear();
        }
        figures.put(key, computed);
        return computed;
    }

    /** Forgets everything now and again when the current transaction (a replay) commits. */
    void clear() {
        figures.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    figures.clear();
                }
            });
        }
    }
}
