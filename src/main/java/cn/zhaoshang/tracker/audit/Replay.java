package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.pages.Shown;
import cn.zhaoshang.tracker.platform.ProcessingGroups;
import cn.zhaoshang.tracker.platform.ProcessorProgress;
import cn.zhaoshang.tracker.platform.ReadModel;
import cn.zhaoshang.tracker.platform.ReadModelReplaced;
import cn.zhaoshang.tracker.platform.ReadModelWrites;
import cn.zhaoshang.tracker.shared.AlreadyRunning;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds every read model from the whole history and compares the result with the tables it replaces.
 *
 * <p>The rebuild is an Axon tracking processor of its own, {@value #PROCESSOR}, made for each replay: it holds a
 * second instance of every {@link ReadModel}, made as Spring made its bean but given a {@link ReadModelWrites} whose
 * statements reach the shadow tables ({@link ShadowTables}, made afresh like the live ones for each replay and
 * dropped after it), and stores its token with the rows of each batch on the shadow connections. Resetting its token
 * calls the models' {@code @ResetHandler}s (on new tables, nothing to empty); it then reads the history from the
 * start in batches of {@value #EVENTS_PER_BATCH} events while commands go on being stored and readers read the live
 * tables. When it has reached the head, one transaction takes the append lock, waits until the live tracking
 * processors and the rebuild have handled everything stored, and compares each rebuilt model with its live tables: a
 * model that differs is copied over its live tables in that transaction. Only read models are replayed: the hash
 * chain and anything with side effects (the warning saga) are not. One replay runs at a time ({@link RebuildLock}).
 */
@Component
class Replay {

    static final String PROCESSOR = "replay";
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    /** Enough to make the batches and the commits cheap, few enough that no transaction grows long. */
    private static final int EVENTS_PER_BATCH = 1_000;

    private final ApplicationContext beans;
    private final EventStore events;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ProcessorProgress progress;
    private final ShadowTables shadow;
    private final RebuildLock lock;
    private final Clock clock;

    /** Who started the replay running on this instance, and when: what a refused second replay is told. */
    private record Running(String startedBy, Instant startedAt) {}

    private final AtomicReference<Running> running = new AtomicReference<>();

    /** A live read model bean: its name in the report, its tables, its class and processing group. */
    record Projection(String name, List<String> tables, Class<?> type, String group) {}

    Replay(
            ApplicationContext beans,
            EventStore events,
            Serializer serializer,
            EventProcessingConfiguration processing,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            ProcessorProgress progress,
            ShadowTables shadow,
            RebuildLock lock,
            Clock clock) {
        this.clock = clock;
        this.beans = beans;
        this.events = events;
        this.serializer = serializer;
        this.processing = processing;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.progress = progress;
        this.shadow = shadow;
        this.lock = lock;
    }

    record Result(long eventsReplayed, long durationMillis, boolean projectionsMatch, List<Model> projections) {}

    record Model(String name, boolean match, String checksumBefore, String checksumAfter) {}

    /** Told now and then how far the rebuild has come (a position) of how far the history goes. */
    @FunctionalInterface
    interface Progress {
        Progress NONE = (done, total) -> {};

        void replayed(long done, long total);
    }

    Result run(String startedBy) {
        return run(startedBy, Progress.NONE);
    }

    Result run(Progress progress) {
        return run(null, progress);
    }

    /** Refused with {@link AlreadyRunning} while another replay runs, here or on another instance. */
    Result run(String startedBy, Progress progress) {
        RebuildLock.Held held = lock.take().orElseThrow(this::alreadyRunning);
        Running mine = new Running(startedBy == null ? "system" : startedBy, clock.instant());
        running.set(mine);
        try (held) {
            return rebuild(progress);
        } finally {
            running.compareAndSet(mine, null);
        }
    }

    private AlreadyRunning alreadyRunning() {
        Running other = running.get();
        if (other == null) {
            return new AlreadyRunning(
                    "已有重建在进行中，请等它结束后再开始 / a replay is already running, start another once it has ended");
        }
        String at = Shown.moment(other.startedAt());
        return new AlreadyRunning(("已有重建在进行中（由 %s 于 %s 发起），请等它结束后再开始 / a replay is already running"
                        + " (started by %s at %s, Beijing time), start another once it has ended")
                .formatted(other.startedBy(), at, other.startedBy(), at));
    }

    /** Every bean annotated {@link ReadModel}. */
    List<Projection> projections() {
        return beans.getBeansWithAnnotation(ReadModel.class).values().stream()
                .map(bean -> {
                    Class<?> type = AopUtils.getTargetClass(bean);
                    String name = AnnotationUtils.findAnnotation(type, ReadModel.class)
                            .name();
                    String group = ProcessingGroups.of(bean);
                    return new Projection(name.isEmpty() ? group : name, ReadModelWrites.tablesOf(type), type, group);
                })
                .toList();
    }

    /**
     * Each model again, made by Spring's constructor autowiring as its bean was, but where the constructor asks for a
     * {@link ReadModelWrites} it is given {@code writes}: the replay's instances, writing into the shadow tables.
     */
    private List<Object> writingTo(List<Projection> projections, ReadModelWrites writes) {
        DefaultListableBeanFactory replayBeans = new DefaultListableBeanFactory(beans.getAutowireCapableBeanFactory());
        replayBeans.setAutowireCandidateResolver(new ContextAnnotationAutowireCandidateResolver());
        for (String live : beans.getBeanNamesForType(ReadModelWrites.class)) {
            replayBeans.registerSingleton(live, writes); // under the live bean's name, it hides the live bean
        }
        return projections.stream()
                .map(projection ->
                        replayBeans.autowire(projection.type(), AutowireCapableBeanFactory.AUTOWIRE_CONSTRUCTOR, false))
                .toList();
    }

    private Result rebuild(Progress progress) {
        long started = System.nanoTime();
        List<Projection> models = projections();
        List<String> tables =
                models.stream().flatMap(model -> model.tables().stream()).toList();
        try {
            shadow.create(tables);
            // each model's content as queries, asked of the catalogue now rather than under the append lock
            List<List<String>> contents = models.stream()
                    .map(model ->
                            model.tables().stream().map(shadow::contentQuery).toList())
                    .toList();
            List<Object> rebuilt = writingTo(models, shadow.writes());
            TokenStore tokens = tokenStore();
            TrackingEventProcessor rebuild = rebuildProcessor(rebuilt, tokens);
            rebuild.resetTokens();
            rebuild.start();
            try {
                awaitRebuilt(rebuild, this.progress.head(), progress);
                return transactions.execute(status -> compare(models, rebuild, contents, progress, started));
            } finally {
                rebuild.shutDown();
                new TransactionTemplate(shadow.transactions())
                        .executeWithoutResult(status -> tokens.releaseClaim(PROCESSOR, 0));
            }
        } finally {
            shadow.drop(tables);
        }
    }

    private TrackingEventProcessor rebuildProcessor(List<Object> rebuilt, TokenStore tokens) {
        return TrackingEventProcessor.builder()
                .name(PROCESSOR)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(List.copyOf(rebuilt))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(new SpringTransactionManager(shadow.transactions()))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(EVENTS_PER_BATCH)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken))
                .build();
    }

    /** Axon's token store on the shadow connections, so that the rebuild's token commits with its batch. */
    private TokenStore tokenStore() {
        return JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(shadow.dataSource()))
                .schema(TokenSchema.builder()
                        .setTokenTable(shadow.liveTable(new TokenSchema().tokenTable()))
                        .build())
                .serializer(serializer)
                .build();
    }

    /** Waits until the rebuild has handled every event up to {@code head}; fails when it fails or stops. */
    private void awaitRebuilt(TrackingEventProcessor rebuild, long head, Progress progress) {
        while (true) {
            EventTrackerStatus status = rebuild.processingStatus().get(0);
            if (status != null && status.isErrorState()) {
                throw new IllegalStateException("the replay failed: " + status.getError(), status.getError());
            }
            if (!rebuild.isRunning()) {
                throw new IllegalStateException("the replay stopped before it reached " + head);
            }
            long at = status == null ? 0 : status.getCurrentPosition().orElse(0);
            progress.replayed(Math.min(at, head), head);
            if (head == 0 || at >= head) {
                return;
            }
            pause();
        }
    }

    /**
     * Under the append lock: the rebuild and the live tracking processors catch up with the head, then each model's
     * rebuilt tables are compared with its live ones; a model that differs is replaced by its rebuilt tables.
     */
    private Result compare(
            List<Projection> models,
            TrackingEventProcessor rebuild,
            List<List<String>> contents,
            Progress progress,
            long started) {
        jdbc.sql("UPDATE append_lock SET appends = appends WHERE id = 1").update();
        long head = this.progress.head();
        awaitTrackingProcessors(models, head);
        awaitRebuilt(rebuild, head, progress);
        JdbcClient rebuiltTables = shadow.jdbc();
        List<Model> compared = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            Projection model = models.get(i);
            String before = checksum(jdbc, contents.get(i));
            String after = checksum(rebuiltTables, contents.get(i));
            boolean match = before.equals(after);
            if (!match) {
                model.tables().forEach(shadow::copyToLive);
                beans.publishEvent(new ReadModelReplaced(model.name()));
            }
            compared.add(new Model(model.name(), match, before, after));
        }
        long replayed = jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE globalIndex <= ?")
                .param(head)
                .query(Long.class)
                .single();
        return new Result(
                replayed,
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                compared.stream().allMatch(Model::match),
                compared);
    }

    /**
     * The tracking processors of the models being rebuilt must have handled everything stored: tables still behind
     * the events would differ from the rebuilt ones, and a processor catching up after the copy would write again
     * what the copy brought. Others (the warning saga, whose commands would wait for the append lock held here) write
     * no read model and are not waited for. Progress is read from the token store, not from this
     * instance: with several instances sharing the database, a segment may be held by another one.
     */
    private void awaitTrackingProcessors(List<Projection> models, long head) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        for (String processor : models.stream()
                .flatMap(model -> processing.eventProcessorByProcessingGroup(model.group()).stream())
                .filter(StreamingEventProcessor.class::isInstance)
                .map(EventProcessor::getName)
                .distinct()
                .toList()) {
            while (!caughtUp(processor, head)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(processor + " did not catch up with " + head);
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Every segment's stored token has reached the head (committed with the rows its batch wrote). */
    private boolean caughtUp(String processor, long head) {
        return head == 0 || progress.everySegmentPassed(processor).orElse(-1) >= head;
    }

    /**
     * A model's content (its tables' rows, {@link ShadowTables#contentQuery}) as a multiset, whatever order the
     * queries give the rows in: each row's SHA-256 is
     * added up modulo 2^256 per query, and the sums and row counts of all queries are hashed once more. Equal
     * contents give equal checksums; a changed, missing or extra row changes it (up to a collision of the sums).
     * Nothing is sorted: ordering the million rows of a large model cost more than reading them.
     */
    private static String checksum(JdbcClient jdbc, List<String> queries) {
        try {
            MessageDigest rows = MessageDigest.getInstance("SHA-256");
            MessageDigest content = MessageDigest.getInstance("SHA-256");
            for (String query : queries) {
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
