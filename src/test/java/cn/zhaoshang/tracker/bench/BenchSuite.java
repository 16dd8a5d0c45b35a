package cn.zhaoshang.tracker.bench;

import cn.zhaoshang.tracker.EmbeddedStore;
import cn.zhaoshang.tracker.RunningJar;
import cn.zhaoshang.tracker.platform.ProcessorProgress;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.RecordCapitalArrival;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark suite (issue 7): generates the stores, runs the application on them in this JVM and measures each
 * figure against raw JDBC doing the same work on the same H2 file in the same run. Each figure is the median of
 * {@code runs} runs. Prints the table and writes it to target/bench/results.md.
 */
final class BenchSuite {

    /** Sizes: {@link #full()} for scripts/bench.sh, {@link #smoke()} for ./mvnw verify. */
    record Settings(
            int events,
            int smallEvents,
            int bigProject,
            int runs,
            int commands,
            int httpCommands,
            int reportRequests,
            int reportWarmUps,
            int startups,
            Path dir) {

        static Settings full() {
            return new Settings(
                    Integer.getInteger("bench.events", 1_000_000),
                    10_000,
                    10_000,
                    Integer.getInteger("bench.runs", 3),
                    Integer.getInteger("bench.commands", 2_000),
                    Integer.getInteger("bench.httpCommands", 1_000),
                    Integer.getInteger("bench.reportRequests", 200),
                    Integer.getInteger("bench.reportWarmUps", 4),
                    Integer.getInteger("bench.startups", 3),
                    Path.of("target", "bench"));
        }

        static Settings smoke() {
            return new Settings(4_000, 2_000, 300, 1, 40, 32, 2, 1, 1, Path.of("target", "bench-smoke"));
        }
    }

    private static final int CALLERS = 8;
    private static final int HTTP_CLIENTS = 16;
    private static final int READERS = 16;
    private static final int REPORT_YEAR = ProvinceHistory.FIRST_YEAR + ProvinceHistory.YEARS - 1;
    private static final LocalDate ARRIVED_ON = LocalDate.of(2026, 1, 5);

    private final Settings settings;
    private final Figures figures = new Figures();
    private final AtomicLong rawSequence = new AtomicLong(1_000_000_000L);

    BenchSuite(Settings settings) {
        this.settings = settings;
    }

    Figures run() throws Exception {
        Files.createDirectories(settings.dir());
        Path small = store(settings.smallEvents(), 0);
        Path large = store(settings.events(), settings.bigProject());
        Latencies smallReports;
        try (LiveTracker tracker = LiveTracker.start(small)) {
            requireEveryProcessorAtHead(tracker);
            log("R3 reports at " + settings.smallEvents() + " events");
            build(tracker);
            smallReports = reports(tracker);
        }
        try (LiveTracker tracker = LiveTracker.start(large)) {
            requireEveryProcessorAtHead(tracker);
            log("building the read models of " + settings.events() + " events by a replay");
            long building = System.nanoTime();
            build(tracker);
            log("built in %.1f s".formatted(secondsSince(building)));
            RawTwins twins = RawTwins.create(
                    tracker.dataSource(),
                    tracker.bean(Serializer.class),
                    tracker.bean(org.axonframework.config.Configuration.class).upcasterChain());
            log("R1 command path");
            commandPath(tracker, twins);
            httpCommands(tracker, twins);
            log("R3 reports");
            Latencies largeReports = reports(tracker);
            reportFigures(smallReports, largeReports);
            floorFigures(largeReports);
            log("R2 replay, R3 reports during the first one");
            replayFigure(tracker, largeReports, twins);
            log("R4 aggregate load, R5 verification");
            aggregateLoad(tracker);
            verification(tracker);
        }
        log("start-up");
        startup(large);
        heap();
        String table = figures.markdown();
        String machine = "%d cores, %s %s, max heap %d MB, %,d events (small store %,d)"
                .formatted(
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.version"),
                        Runtime.getRuntime().maxMemory() / (1024 * 1024),
                        settings.events(),
                        settings.smallEvents());
        Files.writeString(
                settings.dir().resolve("results.md"),
                "# Benchmark results\n\n" + machine + ", median of " + settings.runs() + " runs\n\n" + table);
        System.out.println("\n" + machine + "\n" + table);
        return figures;
    }

    /** The store of that size, generated once (under a temporary name, so an interrupted run starts over). */
    private Path store(int events, int bigProject) throws Exception {
        Path store = settings.dir().resolve("province-" + events);
        if (Files.exists(Path.of(store + ".mv.db"))) {
            return store;
        }
        Path partial = settings.dir().resolve("province-" + events + "-partial");
        Files.deleteIfExists(Path.of(partial + ".mv.db"));
        log("generating " + events + " events");
        long started = System.nanoTime();
        ProvinceHistory.createStore(partial, events, bigProject);
        Files.move(Path.of(partial + ".mv.db"), Path.of(store + ".mv.db"));
        log("generated in " + seconds(System.nanoTime() - started));
        return store;
    }

    // ---- R1: the command path ----

    private void commandPath(LiveTracker tracker, RawTwins twins) throws Exception {
        List<String> projects = projects(tracker);
        CommandGateway gateway = tracker.bean(CommandGateway.class);
        DataSource dataSource = tracker.dataSource();
        createRawEventTable(dataSource);
        byte[] metaData = "{\"recordedBy\":\"bureau\"}".getBytes(StandardCharsets.UTF_8);
        IntFunction<Callable<Void>> viaGateway = i -> () -> {
            gateway.sendAndWait(new RecordCapitalArrival(
                    ProjectId.of(projects.get(i % projects.size())),
                    ArrivalId.random(),
                    ARRIVED_ON,
                    CapitalKind.DOMESTIC,
                    new BigDecimal("100.00"),
                    null));
            return null;
        };
        IntFunction<Callable<Void>> raw = i -> () -> {
            rawCommand(dataSource, projects.get(i % projects.size()), metaData);
            return null;
        };
        IntFunction<Callable<Void>> twin = i -> () -> {
            twins.command(projects.get(i % projects.size()), RawTwins.Caller.GATEWAY);
            return null;
        };
        concurrently(CALLERS, settings.commands() / 4, viaGateway);
        settle(tracker);
        concurrently(CALLERS, settings.commands() / 4, raw);
        IntFunction<Callable<Void>> unsigned = i -> () -> {
            twins.command(projects.get(i % projects.size()), RawTwins.Caller.GATEWAY, false);
            return null;
        };
        concurrently(CALLERS, settings.commands() / 4, twin);
        concurrently(CALLERS, settings.commands() / 4, unsigned);
        List<Double> ours = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> wholeTransaction = new ArrayList<>();
        List<Double> withoutChain = new ArrayList<>();
        List<Double> processorsPaused = new ArrayList<>();
        for (int run = 0; run < settings.runs(); run++) {
            ours.add(settings.commands() / concurrently(CALLERS, settings.commands(), viaGateway));
            settle(tracker);
            processorsPaused.add(whileProcessorsPaused(
                    tracker, () -> settings.commands() / concurrently(CALLERS, settings.commands(), viaGateway)));
            baseline.add(settings.commands() / concurrently(CALLERS, settings.commands(), raw));
            wholeTransaction.add(settings.commands() / concurrently(CALLERS, settings.commands(), twin));
            withoutChain.add(settings.commands() / concurrently(CALLERS, settings.commands(), unsigned));
        }
        // what linking and signing every commit costs the command path (issue 20: within 10 %)
        figures.throughput(
                "R1″ raw whole transaction with the chain's link and signed checkpoint vs without them, 8 callers",
                Figures.median(wholeTransaction),
                Figures.median(withoutChain),
                "cmd/s",
                0.5);
        figures.throughput(
                "R1 commands via CommandGateway, 8 callers",
                Figures.median(ours),
                Figures.median(baseline),
                "cmd/s",
                0.5);
        figures.throughput(
                "R1 commands via CommandGateway vs R1′ raw whole transaction (snapshot and events read, arrival looked"
                        + " up, append lock, event, chain link and signed checkpoint, project_summary and project_arrival rows), 8"
                        + " callers",
                Figures.median(ours),
                Figures.median(wholeTransaction),
                "cmd/s",
                0.5);
        // The same commands with nothing else on the cores: R1′ does only the command's transaction, while R1 shares
        // the cores with the tracking processors (the reports' rows, the sagas) handling the events it stores.
        figures.throughput(
                "R1 commands via CommandGateway, the tracking processors paused, vs R1′ raw whole transaction, 8 callers",
                Figures.median(processorsPaused),
                Figures.median(wholeTransaction),
                "cmd/s",
                0.5);
        this.rawCommandsPerSecond = Figures.median(baseline);
    }

    private double rawCommandsPerSecond;

    private void httpCommands(LiveTracker tracker, RawTwins twins) throws Exception {
        List<String> projects = projects(tracker);
        String body = "{\"arrivedOn\":\"%s\",\"kind\":\"DOMESTIC\",\"amount\":100.00}".formatted(ARRIVED_ON);
        IntFunction<Callable<Void>> command = i -> () -> {
            tracker.expect(
                    201,
                    "POST",
                    "/api/projects/" + projects.get(i % projects.size()) + "/capital-arrivals",
                    "clerk",
                    body);
            return null;
        };
        IntFunction<Callable<Void>> twin = i -> () -> {
            twins.command(projects.get(i % projects.size()), RawTwins.Caller.API);
            return null;
        };
        concurrently(HTTP_CLIENTS, settings.httpCommands() / 4, command);
        settle(tracker);
        concurrently(HTTP_CLIENTS, settings.httpCommands() / 4, twin);
        List<Double> ours = new ArrayList<>();
        List<Double> wholeTransaction = new ArrayList<>();
        for (int run = 0; run < settings.runs(); run++) {
            ours.add(settings.httpCommands() / concurrently(HTTP_CLIENTS, settings.httpCommands(), command));
            settle(tracker);
            wholeTransaction.add(settings.httpCommands() / concurrently(HTTP_CLIENTS, settings.httpCommands(), twin));
        }
        double median = Figures.median(ours);
        figures.info(
                "R1 commands over HTTP (Basic auth), 16 clients",
                "%,.0f cmd/s".formatted(median),
                "%,.0f cmd/s (raw R1)".formatted(rawCommandsPerSecond),
                "%.2f".formatted(median / rawCommandsPerSecond));
        // The requests above send no Idempotency-Key, so this twin writes one row more than they do.
        double twinMedian = Figures.median(wholeTransaction);
        figures.info(
                "R1 commands over HTTP, 16 clients, vs R1′ raw whole transaction of the API (R1′ plus the"
                        + " aggregate_lock row, the detail read before and after, an Idempotency-Key row), 16 callers",
                "%,.0f cmd/s".formatted(median),
                "%,.0f cmd/s".formatted(twinMedian),
                "%.2f".formatted(median / twinMedian));
    }

    /**
     * Waits until the tracking processors (reports, sagas) have handled every event the commands stored: they catch up
     * after the last command has returned, and would otherwise share the cores with the raw twin measured next.
     */
    private static void settle(LiveTracker tracker) throws InterruptedException {
        ProcessorProgress progress = tracker.bean(ProcessorProgress.class);
        long head = progress.head();
        List<String> processors = streamingProcessors(tracker).stream()
                .map(EventProcessor::getName)
                .toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        // a processor that has never started stores no token and has nothing to catch up with
        while (processors.stream()
                .anyMatch(processor -> progress.everySegmentPassed(processor).orElse(head) < head)) {
            if (System.nanoTime() > deadline) {
                log("the tracking processors had not reached %d after 30 s; measuring on".formatted(head));
                return;
            }
            Thread.sleep(20);
        }
    }

    /**
     * A tracking processor that a generated store gives no token would start at the tail and work through the whole
     * history beside the measurements (a saga started a deadline per zone that way until 2026-12-04).
     */
    private static void requireEveryProcessorAtHead(LiveTracker tracker) {
        List<String> unknown = streamingProcessors(tracker).stream()
                .map(EventProcessor::getName)
                .filter(processor -> !ProvinceHistory.PROCESSORS_AT_HEAD.containsKey(processor))
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("a generated store starts no token of " + unknown
                    + " at the head: add it to ProvinceHistory.PROCESSORS_AT_HEAD");
        }
    }

    private static List<EventProcessor> streamingProcessors(LiveTracker tracker) {
        return tracker.bean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .toList();
    }

    /** What {@code measure} gives while the tracking processors are shut down; they catch up afterwards, unmeasured. */
    private static double whileProcessorsPaused(LiveTracker tracker, Callable<Double> measure) throws Exception {
        List<EventProcessor> processors = streamingProcessors(tracker);
        processors.forEach(EventProcessor::shutDown);
        try {
            return measure.call();
        } finally {
            processors.forEach(EventProcessor::start);
            settle(tracker);
        }
    }

    /** Projects that accept arrivals, spread over the province. */
    private static List<String> projects(LiveTracker tracker) {
        List<String> projects = new ArrayList<>(JdbcClient.create(tracker.dataSource())
                .sql("SELECT project_id FROM project_summary WHERE stage <> 'TERMINATED' AND project_id NOT LIKE"
                        + " 'bench-%' ORDER BY project_id LIMIT 5000")
                .query(String.class)
                .list());
        Collections.shuffle(projects, new java.util.Random(1));
        return projects;
    }

    private static void createRawEventTable(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            // a reused store keeps the previous run's rows, whose sequence numbers this run would take again
            connection.createStatement().execute("DROP TABLE IF EXISTS bench_raw_event");
            connection
                    .createStatement()
                    .execute(
                            """
                    CREATE TABLE bench_raw_event (
                        globalIndex BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                        aggregateIdentifier VARCHAR(255) NOT NULL, sequenceNumber BIGINT NOT NULL,
                        type VARCHAR(255), eventIdentifier VARCHAR(255) NOT NULL, metaData VARBINARY,
                        payload VARBINARY NOT NULL, payloadRevision VARCHAR(255), payloadType VARCHAR(255) NOT NULL,
                        timeStamp VARCHAR(255) NOT NULL,
                        CONSTRAINT bench_raw_aggregate_sequence UNIQUE (aggregateIdentifier, sequenceNumber),
                        CONSTRAINT bench_raw_identifier UNIQUE (eventIdentifier))""");
            // The store is reused by the next run, whose sequence numbers start over: its rows would collide.
            connection.createStatement().execute("DELETE FROM bench_raw_event");
        }
    }

    /**
     * The raw transaction shape of a command: read the aggregate's events, insert one event row, commit. The row
     * goes into a twin of the event table, so the product's history, chain and projections stay untouched.
     */
    private void rawCommand(DataSource dataSource, String project, byte[] metaData) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long last = -1;
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT sequenceNumber, payloadType, payload, metaData FROM DomainEventEntry"
                            + " WHERE aggregateIdentifier = ? ORDER BY sequenceNumber")) {
                read.setString(1, project);
                try (ResultSet events = read.executeQuery()) {
                    while (events.next()) {
                        last = events.getLong(1);
                        events.getString(2);
                        events.getBytes(3);
                        events.getBytes(4);
                    }
                }
            }
            String eventId = UUID.randomUUID().toString();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_raw_event (aggregateIdentifier, sequenceNumber, type, eventIdentifier, metaData,"
                            + " payload, payloadRevision, payloadType, timeStamp) VALUES (?, ?, ?, ?, ?, ?, '1', ?, ?)")) {
                insert.setString(1, project);
                insert.setLong(2, rawSequence.incrementAndGet() + last);
                insert.setString(3, "InvestmentProject");
                insert.setString(4, eventId);
                insert.setBytes(5, metaData);
                insert.setBytes(
                        6,
                        ("{\"projectId\":\"%s\",\"arrivalId\":\"%s\",\"arrivedOn\":\"%s\",\"kind\":\"DOMESTIC\","
                                        + "\"amount\":100.00}")
                                .formatted(project, eventId, ARRIVED_ON)
                                .getBytes(StandardCharsets.UTF_8));
                insert.setString(7, "cn.zhaoshang.tracker.project.api.CapitalArrived");
                insert.setString(8, java.time.Instant.now().toString());
                insert.executeUpdate();
            }
            connection.commit();
        }
    }

    // ---- R2: replay ----

    /** POST /api/audit/replays, building the read models of a new store (there is nothing to compare yet). */
    private static void build(LiveTracker tracker) throws Exception {
        tracker.expect(200, "POST", "/api/audit/replays", "auditor", null);
    }

    /** POST /api/audit/replays on built read models, which it must find equal; returns the events replayed. */
    private static long replay(LiveTracker tracker) throws Exception {
        String answer = tracker.expect(200, "POST", "/api/audit/replays", "auditor", null);
        if (!answer.contains("\"projectionsMatch\":true")) {
            throw new IllegalStateException("the replay found the read models different: " + answer);
        }
        return Long.parseLong(answer.strip().replaceAll(".*\"eventsReplayed\":(\\d+).*", "$1"));
    }

    /**
     * R2, and R3 during a replay: the reports are asked for while the first of the R2 replays runs, so that a suite
     * run rebuilds the large store once less. That replay shares the two cores with 16 readers, so its figure can
     * only be lower than a quiet one's: it can pull the median down, never up.
     */
    private void replayFigure(LiveTracker tracker, Latencies quiet, RawTwins twins) throws Exception {
        Serializer serializer = tracker.bean(Serializer.class);
        List<Double> ours = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        List<Double> batchWrite = new ArrayList<>();
        long events = 0;
        for (int run = 0; run < settings.runs(); run++) {
            long started = System.nanoTime();
            events = run == 0 ? duringReplay(tracker, quiet) : replay(tracker);
            ours.add(events / secondsSince(started));
            log("replay %d: %,d events in %.1f s".formatted(run + 1, events, secondsSince(started)));
            started = System.nanoTime();
            long read = rawRead(tracker.dataSource(), serializer);
            baseline.add(read / secondsSince(started));
            started = System.nanoTime();
            long written = twins.replay();
            batchWrite.add(written / secondsSince(started));
            log("R2′ %d: %,d events in %.1f s".formatted(run + 1, written, secondsSince(started)));
        }
        log("R2′ rows: " + twins.rowCounts());
        figures.throughput(
                "R2 replay (full rebuild of every read model), %,d events".formatted(events),
                Figures.median(ours),
                Figures.median(baseline),
                "events/s",
                0.5);
        figures.throughput(
                "R2 replay vs R2′ raw read + deserialize + batch-write of the read models' rows, %,d events"
                        .formatted(events),
                Figures.median(ours),
                Figures.median(batchWrite),
                "events/s",
                0.5);
    }

    /** The baseline of R2 and R5: every row read in global order and its payload deserialized to its event. */
    private static long rawRead(DataSource dataSource, Serializer serializer) throws Exception {
        long rows = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, payloadType,"
                                + " payloadRevision, timeStamp, metaData, payload FROM DomainEventEntry"
                                + " ORDER BY globalIndex")) {
            query.setFetchSize(1000);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    for (int column = 1; column <= 9; column++) {
                        result.getObject(column);
                    }
                    serializer.deserialize(new SimpleSerializedObject<>(
                            result.getBytes(10), byte[].class, result.getString(6), result.getString(7)));
                    rows++;
                }
            }
        }
        return rows;
    }

    // ---- R3: reports ----

    /** Per run: p50 and p99 of the zone-year and city reports, and of R3′, the trivial authenticated read. */
    record Latencies(
            List<Double> zoneP50,
            List<Double> zoneP99,
            List<Double> cityP50,
            List<Double> cityP99,
            List<Double> floorP50,
            List<Double> floorP99) {}

    private Latencies reports(LiveTracker tracker) throws Exception {
        IntFunction<String> zoneYear = i -> "/api/reports/zones/%s/years/%d"
                .formatted(
                        ProvinceHistory.zone(1 + i % ProvinceHistory.CITIES, 1 + i % ProvinceHistory.ZONES_PER_CITY),
                        REPORT_YEAR);
        IntFunction<String> city = i -> "/api/reports/cities/%s/years/%d"
                .formatted(ProvinceHistory.city(1 + i % ProvinceHistory.CITIES), REPORT_YEAR);
        // R3′: the smallest authenticated read (one zone, one primary-key row): what the HTTP stack, Basic auth and
        // 16 readers sharing the cores cost before a report computes anything.
        IntFunction<String> floor = i -> "/api/zones/"
                + ProvinceHistory.zone(1 + i % ProvinceHistory.CITIES, 1 + i % ProvinceHistory.ZONES_PER_CITY);
        List<IntFunction<String>> endpoints = List.of(zoneYear, city, floor);
        // Each endpoint compiled first, in turns, then measured in an order that rotates from run to run. After a
        // short warm-up in a fixed order the first endpoint was measured while the JIT still compiled the request
        // path, which on two cores takes tens of thousands of requests: a report cost 1.78x the floor's CPU then,
        // 1.08x once compiled (docs/performance.md).
        for (int round = 0; round < settings.reportWarmUps(); round++) {
            for (IntFunction<String> endpoint : endpoints) {
                latencies(tracker, endpoint, settings.reportRequests());
            }
        }
        List<List<Double>> p50 = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Double>> p99 = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<Memory> memory = new ArrayList<>(List.of(Memory.NONE, Memory.NONE, Memory.NONE));
        for (int run = 0; run < settings.runs(); run++) {
            for (int turn = 0; turn < endpoints.size(); turn++) {
                int endpoint = (run + turn) % endpoints.size();
                Memory before = Memory.now();
                List<Double> millis = latencies(tracker, endpoints.get(endpoint), settings.reportRequests());
                memory.set(endpoint, memory.get(endpoint).plus(Memory.now().since(before)));
                p50.get(endpoint).add(Figures.percentile(millis, 50));
                p99.get(endpoint).add(Figures.percentile(millis, 99));
            }
        }
        // what each endpoint's requests allocated and the collections they met: whether a slower tail is the
        // collector's
        int requests = settings.runs() * READERS * settings.reportRequests();
        log("memory while measured: zone-year %s; city %s; R3′ %s"
                .formatted(
                        memory.get(0).per(requests),
                        memory.get(1).per(requests),
                        memory.get(2).per(requests)));
        return new Latencies(p50.get(0), p99.get(0), p50.get(1), p99.get(1), p50.get(2), p99.get(2));
    }

    /**
     * Bytes the server's request threads (Tomcat's, which live as long as the application) allocated, and the
     * collections the JVM made and their time, over a stretch of the run.
     */
    private record Memory(long allocated, long collections, long collectionMillis) {

        static final Memory NONE = new Memory(0, 0, 0);

        static Memory now() {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocated = 0;
            for (java.lang.management.ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (thread != null && thread.getThreadName().startsWith("http-nio-")) {
                    allocated += Math.max(0, threads.getThreadAllocatedBytes(thread.getThreadId()));
                }
            }
            long collections = 0;
            long millis = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                collections += collector.getCollectionCount();
                millis += collector.getCollectionTime();
            }
            return new Memory(allocated, collections, millis);
        }

        Memory since(Memory before) {
            return new Memory(
                    Math.max(0, allocated - before.allocated),
                    collections - before.collections,
                    collectionMillis - before.collectionMillis);
        }

        Memory plus(Memory other) {
            return new Memory(
                    allocated + other.allocated,
                    collections + other.collections,
                    collectionMillis + other.collectionMillis);
        }

        String per(int requests) {
            return "%,d KB a request, %d collections, %d ms in them"
                    .formatted(allocated / 1024 / requests, collections, collectionMillis);
        }
    }

    /** Milliseconds of every request of {@value #READERS} readers asking {@code perReader} times each. */
    private static List<Double> latencies(LiveTracker tracker, IntFunction<String> path, int perReader)
            throws Exception {
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        concurrently(READERS, READERS * perReader, i -> () -> {
            long started = System.nanoTime();
            tracker.expect(200, "GET", path.apply(i), "inspector", null);
            millis.add((System.nanoTime() - started) / 1e6);
            return null;
        });
        return millis;
    }

    private void reportFigures(Latencies small, Latencies large) {
        report("zone-year", small.zoneP50(), small.zoneP99(), large.zoneP50(), large.zoneP99());
        report("city", small.cityP50(), small.cityP99(), large.cityP50(), large.cityP99());
    }

    private void report(String name, List<Double> p50Small, List<Double> p99Small, List<Double> p50, List<Double> p99) {
        double smallP99 = Figures.median(p99Small);
        double largeP99 = Figures.median(p99);
        figures.row(
                "R3 %s report p50 / p99, 16 readers, %,d vs %,d events"
                        .formatted(name, settings.events(), settings.smallEvents()),
                "%.1f / %.1f ms".formatted(Figures.median(p50), largeP99),
                "%.1f / %.1f ms".formatted(Figures.median(p50Small), smallP99),
                "%.2f (p99)".formatted(largeP99 / smallP99),
                "p99 ≤ 20 ms and ≤ 1.5× small",
                largeP99 <= 20 && largeP99 <= 1.5 * smallP99);
    }

    /** Each report against R3′ on the same store in the same runs: how much of its p99 is the report's own work. */
    private void floorFigures(Latencies large) {
        floor("zone-year", large.zoneP50(), large.zoneP99(), large);
        floor("city", large.cityP50(), large.cityP99(), large);
    }

    private void floor(String name, List<Double> p50, List<Double> p99, Latencies large) {
        double reportP99 = Figures.median(p99);
        double floorP99 = Figures.median(large.floorP99());
        figures.row(
                "R3 %s report p50 / p99 vs R3′ GET /api/zones/{id} (authenticated, one row), 16 readers, %,d events"
                        .formatted(name, settings.events()),
                "%.1f / %.1f ms".formatted(Figures.median(p50), reportP99),
                "%.1f / %.1f ms".formatted(Figures.median(large.floorP50()), floorP99),
                "%.2f (p99)".formatted(reportP99 / floorP99),
                "p99 ≤ 1.25× R3′",
                reportP99 <= 1.25 * floorP99);
    }

    /**
     * The reports while a replay rebuilds every read model (in the shadow tables: readers read the live ones
     * meanwhile); returns the events the replay replayed.
     */
    private long duringReplay(LiveTracker tracker, Latencies quiet) throws Exception {
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Long> replay = background.submit(() -> replay(tracker));
            Thread.sleep(500);
            List<Double> zone = latencies(
                    tracker,
                    i -> "/api/reports/zones/%s/years/%d"
                            .formatted(
                                    ProvinceHistory.zone(
                                            1 + i % ProvinceHistory.CITIES, 1 + i % ProvinceHistory.ZONES_PER_CITY),
                                    REPORT_YEAR),
                    settings.reportRequests());
            boolean overlapped = !replay.isDone();
            long replayed = replay.get();
            double p99 = Figures.percentile(zone, 99);
            figures.row(
                    "R3 zone-year report p50 / p99 during a replay" + (overlapped ? "" : " (replay ended first)"),
                    "%.1f / %.1f ms".formatted(Figures.percentile(zone, 50), p99),
                    "%.1f ms (p99, no replay)".formatted(Figures.median(quiet.zoneP99())),
                    "%.2f".formatted(p99 / Figures.median(quiet.zoneP99())),
                    "p99 ≤ 20 ms",
                    p99 <= 20);
            return replayed;
        } finally {
            background.shutdown();
        }
    }

    // ---- R4: aggregate load ----

    private void aggregateLoad(LiveTracker tracker) throws Exception {
        CommandGateway gateway = tracker.bean(CommandGateway.class);
        for (String project : List.of(ProvinceHistory.BIG_PROJECT, ProvinceHistory.ONE_EVENT_PROJECT)) {
            gateway.sendAndWait(new RecordCapitalArrival(
                    ProjectId.of(project),
                    ArrivalId.random(),
                    ARRIVED_ON,
                    CapitalKind.DOMESTIC,
                    new BigDecimal("1.00"),
                    null));
        }
        Repository<?> repository = (Repository<?>) tracker.bean("investmentProjectRepository");
        // Both paths compiled first: no other project has a snapshot, so without this the snapshot path is measured
        // while the JIT still interprets it (5 warm-up loads gave 2.5x where the compiled paths give 1.6x).
        for (int i = 0; i < 300; i++) {
            load(repository, ProvinceHistory.BIG_PROJECT);
            load(repository, ProvinceHistory.ONE_EVENT_PROJECT);
        }
        List<Double> big = new ArrayList<>();
        List<Double> one = new ArrayList<>();
        for (int run = 0; run < settings.runs(); run++) {
            List<Double> bigLoads = new ArrayList<>();
            List<Double> oneLoads = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                bigLoads.add(load(repository, ProvinceHistory.BIG_PROJECT));
                oneLoads.add(load(repository, ProvinceHistory.ONE_EVENT_PROJECT));
            }
            big.add(Figures.median(bigLoads.subList(5, 25)));
            one.add(Figures.median(oneLoads.subList(5, 25)));
        }
        long snapshots = JdbcClient.create(tracker.dataSource())
                .sql("SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")
                .param(ProvinceHistory.BIG_PROJECT)
                .query(Long.class)
                .single();
        double ratio = Figures.median(big) / Figures.median(one);
        figures.row(
                "R4 load of a %,d-event project (%s) vs a 2-event project"
                        .formatted(settings.bigProject() + 1, snapshots > 0 ? "from a snapshot" : "no snapshot"),
                "%.2f ms".formatted(Figures.median(big)),
                "%.2f ms".formatted(Figures.median(one)),
                "%.2f".formatted(ratio),
                "≤ 2×",
                ratio <= 2);
    }

    private static double load(Repository<?> repository, String project) {
        long started = System.nanoTime();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            repository.load(project);
        } finally {
            unitOfWork.rollback();
        }
        return (System.nanoTime() - started) / 1e6;
    }

    // ---- R5: verification ----

    private void verification(LiveTracker tracker) throws Exception {
        Serializer serializer = tracker.bean(Serializer.class);
        List<Double> ours = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        long events = 0;
        for (int run = 0; run < settings.runs(); run++) {
            long started = System.nanoTime();
            String answer = tracker.expect(200, "GET", "/api/audit/verification", "auditor", null);
            double elapsed = secondsSince(started);
            if (!answer.contains("\"valid\":true")) {
                throw new IllegalStateException("chain not valid: " + answer);
            }
            events = Long.parseLong(answer.strip().replaceAll(".*\"eventsChecked\":(\\d+).*", "$1"));
            ours.add(events / elapsed);
            started = System.nanoTime();
            long read = rawRead(tracker.dataSource(), serializer);
            baseline.add(read / secondsSince(started));
        }
        figures.throughput(
                "R5 hash-chain verification, %,d events".formatted(events),
                Figures.median(ours),
                Figures.median(baseline),
                "events/s",
                0.5);
    }

    // ---- start-up and heap ----

    private void startup(Path store) throws Exception {
        Path workDir = Files.createDirectories(settings.dir().resolve("jar"));
        List<Double> seconds = new ArrayList<>();
        long preparing = System.nanoTime();
        RunningJar.prepareClassDataArchive();
        log("the class-data archive (scripts/cds-archive.sh) was ready in %.1f s".formatted(secondsSince(preparing)));
        for (int run = 0; run < settings.startups(); run++) {
            try (RunningJar jar = RunningJar.withClassDataArchive(
                            workDir,
                            "--spring.datasource.url=" + EmbeddedStore.url(store),
                            "--tracker.signing.key-file=" + LiveTracker.signingKey(store),
                            "--tracker.demo-data=false")
                    .start()) {
                seconds.add(jar.startup().toMillis() / 1000.0);
            }
        }
        double median = Figures.median(seconds);
        figures.row(
                ("Start-up of the packaged jar (scripts/run.sh: extracted, class-data archive) on the %,d-event store"
                                + " (-Xmx512m), to health 200")
                        .formatted(settings.events()),
                "%.1f s".formatted(median),
                "—",
                "—",
                "≤ 15 s",
                median <= 15);
    }

    private void heap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long max = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        figures.row(
                "Heap of this run (application and harness in one JVM)",
                "-Xmx%d MB, peak of heap pools ≤ %d MB".formatted(max, peak / (1024 * 1024)),
                "—",
                "—",
                "within -Xmx512m",
                max <= 512);
    }

    // ---- helpers ----

    /** Runs {@code tasks} tasks on {@code threads} threads; returns the seconds it took. */
    private static double concurrently(int threads, int tasks, IntFunction<Callable<Void>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try {
            List<Future<Void>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                        task.apply(i).call();
                    }
                    return null;
                }));
            }
            for (Future<Void> worker : workers) {
                worker.get();
            }
            return secondsSince(started);
        } finally {
            pool.shutdown();
        }
    }

    private static double secondsSince(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static String seconds(long nanos) {
        return "%.1f s".formatted(nanos / 1e9);
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }
}
