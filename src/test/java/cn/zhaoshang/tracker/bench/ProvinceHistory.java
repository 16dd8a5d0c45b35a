package cn.zhaoshang.tracker.bench;

import cn.zhaoshang.tracker.EmbeddedStore;
import cn.zhaoshang.tracker.audit.BenchChain;
import cn.zhaoshang.tracker.audit.ChainEventsNotYetChained;
import cn.zhaoshang.tracker.project.FillArrivalTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A province-scale history appended straight into the event table, serialized as Axon stores it, and chained:
 * 14 cities of 10 zones, targets for 10 years, projects that are signed, land, start production and receive
 * capital (some amended, retracted or terminated), plus one project with {@code bigProject} events and one with a
 * single event for R4. The read models are not written here: the application builds them from these events.
 */
final class ProvinceHistory {

    static final int CITIES = 14;
    static final int ZONES_PER_CITY = 10;
    static final int FIRST_YEAR = 2016;
    static final int YEARS = 10;
    static final String BIG_PROJECT = "bench-big-project";
    static final String ONE_EVENT_PROJECT = "bench-one-event-project";
    private static final String API = "cn.zhaoshang.tracker.";
    private static final Instant RECORDING_START = Instant.parse("2016-01-01T00:00:00Z");
    private static final String[] INDUSTRIES = {
        "SALT_CHEMICAL", "FINE_CHEMICAL", "NEW_ENERGY", "NEW_MATERIALS", "ADVANCED_EQUIPMENT", "LOGISTICS", "OTHER"
    };

    private final Connection connection;
    private final PreparedStatement eventInsert;
    private final PreparedStatement hashInsert;
    private final long total;
    private final long recordingStep;
    private final Random random = new Random(7);
    private long position;
    private String previousHash = BenchChain.GENESIS;

    private ProvinceHistory(Connection connection, long total) throws SQLException {
        this.connection = connection;
        this.total = total;
        this.recordingStep = Duration.ofDays(365L * YEARS).toSeconds() / total;
        eventInsert = connection.prepareStatement(
                "INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                        + " metaData, payload, payloadRevision, payloadType, timeStamp)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, '1', ?, ?)");
        hashInsert = connection.prepareStatement("INSERT INTO event_hash (position, hash) VALUES (?, ?)");
    }

    static String zone(int city, int zone) {
        return "c%02dz%02d".formatted(city, zone);
    }

    static String city(int city) {
        return "c%02d".formatted(city);
    }

    /**
     * A new store at {@code store}, with the application's settings (application.yml's URL, {@link EmbeddedStore#url}), migrated
     * by every migration as the application runs them (on an empty store V12 has nothing to fill, and the first replay
     * builds project_arrival with the other read models), holding {@code events} events, and shut down.
     */
    static void createStore(Path store, int events, int bigProject) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(EmbeddedStore.url(store));
        dataSource.setUser("sa");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .javaMigrations(new FillArrivalTable(), new ChainEventsNotYetChained())
                .load()
                .migrate();
        generate(dataSource, events, bigProject);
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("SHUTDOWN");
        }
    }

    /** Appends {@code events} events to an empty store (does nothing if the store already holds them). */
    static void generate(DataSource dataSource, int events, int bigProject) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM event_hash")) {
                count.next();
                if (count.getLong(1) >= events) {
                    return;
                }
            }
            connection.setAutoCommit(false);
            ProvinceHistory history = new ProvinceHistory(connection, events);
            history.write(bigProject);
            history.flush();
            history.processorsAtHead();
            connection
                    .createStatement()
                    .execute("ALTER TABLE DomainEventEntry ALTER COLUMN globalIndex RESTART WITH "
                            + (history.position + 1));
            connection.commit();
        }
    }

    private void write(int bigProject) throws SQLException {
        for (int c = 1; c <= CITIES; c++) {
            for (int z = 1; z <= ZONES_PER_CITY; z++) {
                append(
                        zone(c, z),
                        0,
                        "Zone",
                        "zone.api.ZoneRegistered",
                        "{\"zoneId\":\"%s\",\"name\":\"第%d市第%d开发区\",\"city\":\"%s\"}"
                                .formatted(zone(c, z), c, z, city(c)));
            }
        }
        for (int c = 1; c <= CITIES; c++) {
            for (int z = 1; z <= ZONES_PER_CITY; z++) {
                for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
                    append(
                            zone(c, z) + "/" + year,
                            0,
                            "AnnualTarget",
                            "zone.api.AnnualTargetSet",
                            ("{\"zoneId\":\"%s\",\"year\":%d,\"contractInvestmentCny\":%d,\"foreignCapitalUsd\":%d,"
                                            + "\"projectCount\":%d}")
                                    .formatted(zone(c, z), year, 3_000_000_000L, 5_000_000, 25));
                }
            }
        }
        signed(ONE_EVENT_PROJECT, zone(1, 1), LocalDate.of(FIRST_YEAR + YEARS - 1, 1, 10), null);
        if (bigProject > 0) {
            signed(BIG_PROJECT, zone(1, 2), LocalDate.of(FIRST_YEAR, 1, 10), null);
            for (int i = 1; i < bigProject; i++) {
                arrival(BIG_PROJECT, i, LocalDate.of(FIRST_YEAR, 1, 10).plusDays(i % 3000), UUID.randomUUID());
            }
        }
        for (int project = 0; position < total; project++) {
            project(project);
        }
    }

    /** One ordinary project: about 24 events, the last one cut off when the history is full. */
    private void project(int number) throws SQLException {
        String id = new UUID(0x6265_6e63_6800_0000L, number).toString();
        int c = 1 + random.nextInt(CITIES);
        String zone = zone(c, 1 + random.nextInt(ZONES_PER_CITY));
        LocalDate signedOn =
                LocalDate.of(FIRST_YEAR + random.nextInt(YEARS), 1, 1).plusDays(random.nextInt(330));
        long sequence = 0;
        String top500 = random.nextInt(8) == 0 ? "\"GLOBAL\"" : null;
        signed(id, zone, signedOn, top500);
        if (done()) {
            return;
        }
        append(
                id,
                ++sequence,
                "InvestmentProject",
                "project.api.ProjectLanded",
                "{\"projectId\":\"%s\",\"landedOn\":\"%s\"}".formatted(id, signedOn.plusDays(20)));
        if (number % 50 == 49) {
            append(
                    id,
                    ++sequence,
                    "InvestmentProject",
                    "project.api.ProjectTerminated",
                    "{\"projectId\":\"%s\",\"terminatedOn\":\"%s\",\"reason\":\"投资方撤资\"}"
                            .formatted(id, signedOn.plusDays(25)));
            return;
        }
        if (done()) {
            return;
        }
        append(
                id,
                ++sequence,
                "InvestmentProject",
                "project.api.ProductionStarted",
                "{\"projectId\":\"%s\",\"startedOn\":\"%s\"}".formatted(id, signedOn.plusDays(30)));
        UUID first = null;
        for (int i = 0; i < 20 && !done(); i++) {
            UUID arrivalId = UUID.randomUUID();
            first = first == null ? arrivalId : first;
            arrival(id, ++sequence, signedOn.plusDays(2L * i), arrivalId);
        }
        if (number % 10 == 9 && !done()) {
            append(
                    id,
                    ++sequence,
                    "InvestmentProject",
                    "project.api.ContractAmended",
                    ("{\"projectId\":\"%s\",\"amendedOn\":\"%s\",\"contractInvestmentCny\":180000000.00,"
                                    + "\"previousContractInvestmentCny\":150000000,\"reason\":\"增资\"}")
                            .formatted(id, signedOn.plusDays(31)));
        }
        if (number % 20 == 19 && first != null && !done()) {
            append(
                    id,
                    ++sequence,
                    "InvestmentProject",
                    "project.api.ArrivalRetracted",
                    ("{\"projectId\":\"%s\",\"arrivalId\":\"%s\",\"arrivedOn\":\"%s\",\"kind\":\"FOREIGN\","
                                    + "\"amount\":1000.50,\"reason\":\"金额录入错误\"}")
                            .formatted(id, first, signedOn));
        }
    }

    private boolean done() {
        return position >= total;
    }

    private void signed(String id, String zone, LocalDate signedOn, String top500) throws SQLException {
        append(
                id,
                0,
                "InvestmentProject",
                "project.api.ProjectSigned",
                ("{\"projectId\":\"%s\",\"zoneId\":\"%s\",\"name\":\"项目%s\",\"investor\":{\"name\":\"投资方\","
                                + "\"country\":\"CN\",\"top500\":%s},\"industry\":\"%s\",\"signedOn\":\"%s\","
                                + "\"contractInvestmentCny\":150000000,\"expectedAnnualTaxCny\":null,"
                                + "\"landAreaMu\":null}")
                        .formatted(
                                id,
                                zone,
                                id.substring(id.length() - 8),
                                top500,
                                INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                                signedOn));
    }

    private void arrival(String id, long sequence, LocalDate arrivedOn, UUID arrivalId) throws SQLException {
        boolean foreign = sequence % 2 == 0;
        append(
                id,
                sequence,
                "InvestmentProject",
                "project.api.CapitalArrived",
                "{\"projectId\":\"%s\",\"arrivalId\":\"%s\",\"arrivedOn\":\"%s\",\"kind\":\"%s\",\"amount\":%s}"
                        .formatted(
                                id,
                                arrivalId,
                                arrivedOn,
                                foreign ? "FOREIGN" : "DOMESTIC",
                                foreign ? "1000.50" : (100_000 + sequence) + ".00"));
    }

    private void append(String aggregate, long sequence, String type, String payloadType, String json)
            throws SQLException {
        position++;
        String eventId = UUID.randomUUID().toString();
        String timeStamp = RECORDING_START.plusSeconds(position * recordingStep).toString();
        byte[] metaData = ("{\"traceId\":\"%s\",\"correlationId\":\"%s\",\"recordedBy\":\"bureau\"}"
                        .formatted(eventId, eventId))
                .getBytes(StandardCharsets.UTF_8);
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        eventInsert.setLong(1, position);
        eventInsert.setString(2, aggregate);
        eventInsert.setLong(3, sequence);
        eventInsert.setString(4, type);
        eventInsert.setString(5, eventId);
        eventInsert.setBytes(6, metaData);
        eventInsert.setBytes(7, payload);
        eventInsert.setString(8, API + payloadType);
        eventInsert.setString(9, timeStamp);
        eventInsert.addBatch();
        previousHash = BenchChain.next(
                previousHash,
                position,
                eventId,
                aggregate,
                sequence,
                type,
                API + payloadType,
                timeStamp,
                metaData,
                payload);
        hashInsert.setLong(1, position);
        hashInsert.setString(2, previousHash);
        hashInsert.addBatch();
        if (position % 10_000 == 0) {
            flush();
            connection.commit();
        }
    }

    private void flush() throws SQLException {
        eventInsert.executeBatch();
        hashInsert.executeBatch();
    }

    /**
     * The application's tracking processors and their segments. The hash chain is complete and the report projection
     * is to be built by a replay, so they start at the head instead of walking the whole history first: the report's
     * two segments (as a new store gets them) and the two warning sagas', which would otherwise work through the
     * history in the background of the first run's measurements on a new store, starting a saga and a deadline per
     * zone (docs/performance.md: the generated projects and zones are not watched for warnings). The benchmark
     * refuses to measure an application that has a tracking processor this does not name.
     */
    static final Map<String, Integer> PROCESSORS_AT_HEAD =
            Map.of("report", 2, "WarningSagaProcessor", 1, "SubmissionWarningSagaProcessor", 1);

    private void processorsAtHead() throws SQLException {
        try (PreparedStatement token = connection.prepareStatement(
                "INSERT INTO TokenEntry (processorName, segment, token, tokenType, timestamp) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, Integer> processor : PROCESSORS_AT_HEAD.entrySet()) {
                for (int segment = 0; segment < processor.getValue(); segment++) {
                    token.setString(1, processor.getKey());
                    token.setInt(2, segment);
                    token.setBytes(
                            3, ("{\"index\":%d,\"gaps\":[]}".formatted(position)).getBytes(StandardCharsets.UTF_8));
                    token.setString(4, "org.axonframework.eventhandling.GapAwareTrackingToken");
                    token.setString(5, Instant.now().toString());
                    token.addBatch();
                }
            }
            token.executeBatch();
        }
    }
}
