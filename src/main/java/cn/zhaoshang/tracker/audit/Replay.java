package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.platform.ProcessorProgress;
import cn.zhaoshang.tracker.platform.ReadModel;
import cn.zhaoshang.tracker.platform.ReadModelWrites;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from the whole history and compares the result with the tables it replaces (ADR 0013).
 *
 * <p>The models are rebuilt in the shadow schema ({@link ShadowTables}), by the same event handlers, in short
 * transactions of {@value #EVENTS_PER_TRANSACTION} events while commands go on being stored and readers read the live
 * tables. The last transaction takes the append lock, waits until the tracking processors have handled everything
 * stored, hands the shadow the events stored meanwhile, and compares each rebuilt model with its live tables: a model
 * that differs is copied over its live tables in that transaction. Only read models are replayed: the hash chain and
 * anything with side effects are not. One replay runs at a time ({@link RebuildLock}).
 */
@Component
class Replay {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    /** Enough to make the batches and the commits cheap, few enough that no transaction grows long. */
    private static final int EVENTS_PER_TRANSACTION = 10_000;

    private final List<ReadModel> models;
    private final EventStorageEngine storage;
    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ProcessorProgress progress;
    private final ReadModelWrites writes;
    private final ShadowTables shadow;
    private final RebuildLock lock;

    Replay(
            List<ReadModel> models,
            EventStorageEngine storage,
            EventProcessingConfiguration processing,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            ProcessorProgress progress,
            ReadModelWrites writes,
            ShadowTables shadow,
            RebuildLock lock) {
        this.models = models;
        this.storage = storage;
        this.processing = processing;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.progress = progress;
        this.writes = writes;
        this.shadow = shadow;
        this.lock = lock;
    }

    record Result(long eventsReplayed, long durationMillis, boolean projectionsMatch, List<Model> projections) {}

    record Model(String name, boolean match, String checksumBefore, String checksumAfter) {}

    /** Told after each replayed event how many are done of how many there are. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (done, total) -> {};

        void replayed(long done, long total);
    }

    /** How far the rebuild in short transactions came: the last event handed over and how many there were. */
    private record Built(TrackingToken last, long replayed) {}

    Result run() {
        return run(Progress.NONE);
    }

    Result run(Progress progress) {
        long started = System.nanoTime();
        List<String> tables =
                models.stream().flatMap(model -> model.tables().stream()).toList();
        RebuildLock.Held held = lock.take();
        try {
            shadow.empty(tables);
            try {
                long total = jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                        .query(Long.class)
                        .single();
                progress.replayed(0, total);
                List<AnnotationEventHandlerAdapter> handlers =
                        models.stream().map(AnnotationEventHandlerAdapter::new).toList();
                return writes.replay(() -> {
                    Built built = build(handlers, progress, total);
                    return transactions.execute(status -> compare(handlers, built, progress, total, started));
                });
            } finally {
                shadow.empty(tables);
            }
        } finally {
            held.close();
        }
    }

    /** Hands the stored events, in global order, to every model in the shadow schema, committing every so often. */
    private Built build(List<AnnotationEventHandlerAdapter> handlers, Progress progress, long total) {
        TrackingToken[] last = {null};
        long[] replayed = {0};
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> history = events.iterator();
            boolean more = true;
            while (more) {
                more = Boolean.TRUE.equals(transactions.execute(status -> shadow.inside(() -> {
                    for (int n = 0; n < EVENTS_PER_TRANSACTION && history.hasNext(); n++) {
                        TrackedEventMessage<?> event = history.next();
                        handleEverywhere(handlers, event);
                        last[0] = event.trackingToken();
                        progress.replayed(++replayed[0], total);
                    }
                    writes.now();
                    return history.hasNext();
                })));
            }
        }
        return new Built(last[0], replayed[0]);
    }

    /**
     * Under the append lock: the events stored since the rebuild read them, then each model's rebuilt tables against
     * its live ones; a model that differs is replaced by its rebuilt tables.
     */
    private Result compare(
            List<AnnotationEventHandlerAdapter> handlers, Built built, Progress progress, long total, long started) {
        jdbc.sql("UPDATE append_lock SET appends = appends WHERE id = 1").update();
        long head = jdbc.sql("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry")
                .query(Long.class)
                .single();
        awaitTrackingProcessors(head);
        long replayed = shadow.inside(() -> {
            long count = built.replayed();
            try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(built.last(), false)) {
                Iterator<? extends TrackedEventMessage<?>> meanwhile = events.iterator();
                while (meanwhile.hasNext()) {
                    handleEverywhere(handlers, meanwhile.next());
                    progress.replayed(++count, Math.max(count, total));
                }
            }
            writes.endOfReplay();
            return count;
        });
        List<String> after =
                shadow.inside(() -> models.stream().map(this::checksum).toList());
        List<Model> compared = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            ReadModel model = models.get(i);
            String before = checksum(model);
            boolean match = before.equals(after.get(i));
            if (!match) {
                model.tables().forEach(shadow::copyToLive);
                model.replaced();
            }
            compared.add(new Model(model.name(), match, before, after.get(i)));
        }
        return new Result(
                replayed,
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                compared.stream().allMatch(Model::match),
                compared);
    }

    private static void handleEverywhere(List<AnnotationEventHandlerAdapter> handlers, TrackedEventMessage<?> event) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            // a model without a handler for the event ignores it
            handle(handler, event);
        }
    }

    private static void handle(AnnotationEventHandlerAdapter handler, TrackedEventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (Exception failed) {
            throw new IllegalStateException("replay failed at " + event.trackingToken(), failed);
        }
    }

    /**
     * The tracking processors of the models being rebuilt must have handled everything stored, or they would write
     * into the rebuilt tables. Others (the hash chain, the warning saga, whose commands would wait for the append lock
     * held here) write no rebuilt table and are not waited for. Progress is read from the token store, not from this
     * instance: with several instances sharing the database, a segment may be held by another one.
     */
    private void awaitTrackingProcessors(long head) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        for (String processor : models.stream()
                .map(model -> AnnotationUtils.findAnnotation(AopUtils.getTargetClass(model), ProcessingGroup.class))
                .filter(Objects::nonNull)
                .flatMap(group -> processing.eventProcessorByProcessingGroup(group.value()).stream())
                .filter(StreamingEventProcessor.class::isInstance)
                .map(EventProcessor::getName)
                .distinct()
                .toList()) {
            while (!caughtUp(processor, head)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(processor + " did not catch up with " + head);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
            }
        }
    }

    /** Every segment's stored token has reached the head (committed with the rows its batch wrote). */
    private boolean caughtUp(String processor, long head) {
        return head == 0 || progress.everySegmentPassed(processor).orElse(-1) >= head;
    }

    /**
     * The model's content as a multiset of rows, whatever order the queries give them in: each row's SHA-256 is
     * added up modulo 2^256 per query, and the sums and row counts of all queries are hashed once more. Equal
     * contents give equal checksums; a changed, missing or extra row changes it (up to a collision of the sums).
     * Nothing is sorted: ordering the million rows of a large model cost more than reading them.
     */
    private String checksum(ReadModel model) {
        try {
            MessageDigest rows = MessageDigest.getInstance("SHA-256");
            MessageDigest content = MessageDigest.getInstance("SHA-256");
            for (String query : model.contentQueries()) {
                byte[] sum = new byte[32];
                long[] count = {0};
                jdbc.sql(query).query(row -> {
                    int columns = row.getMetaData().getColumnCount();
                    for (int column = 1; column <= columns; column++) {
                        rows.update(String.valueOf(row.getObject(column)).getBytes(StandardCharsets.UTF_8));
                        rows.update((byte) 0x1f);
                    }
                    add(sum, rows.digest());
                    count[0]++;
                });
                content.update(sum);
                content.update(Long.toString(count[0]).getBytes(StandardCharsets.UTF_8));
                content.update((byte) 0x1d);
            }
            return HexFormat.of().formatHex(content.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@code sum += hash}, both 256-bit big-endian numbers, modulo 2^256. */
    private static void add(byte[] sum, byte[] hash) {
        int carry = 0;
        for (int i = sum.length - 1; i >= 0; i--) {
            int total = (sum[i] & 0xff) + (hash[i] & 0xff) + carry;
            sum[i] = (byte) total;
            carry = total >>> 8;
        }
    }
}
