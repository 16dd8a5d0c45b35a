package cn.zhaoshang.tracker.bench;

import cn.zhaoshang.tracker.StoredEventRow;
import cn.zhaoshang.tracker.audit.BenchChain;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * The fairer raw baselines: plain JDBC doing, statement for statement, what one of the application's transactions
 * does, on the same connection pool. They write into twin tables (schema {@code bench_twin}, copies of the live
 * tables made by {@link #twin}), so that the history, its hash chain and the read models stay untouched
 * while the raw side still pays for every row, key and index the application pays for.
 *
 * <ul>
 *   <li>R1′, {@link #command}: one RecordCapitalArrival, the whole transaction: the project's rows read as Axon's
 *       JdbcEventStorageEngine reads them, the duplicate check, the append lock, the event row and the rows the
 *       subscribing processors write for it.
 *   <li>R2′, {@link #replay}: every event read in order, upcast and deserialized as the application reads it, and the read
 *       models' rows for it batch-written ({@link TwinReadModels}).
 * </ul>
 *
 * <p>Not mirrored: the work the tracking processors (reports, hash chain, warning saga) do for each new event after
 * the command commits, and the replay's final comparison of every rebuilt model with its live tables.
 */
final class RawTwins {

    /** Whose transaction a raw command copies. */
    enum Caller {
        /**
         * {@code CommandGateway.sendAndWait}, as R1 sends it: Axon's unit of work in one Spring transaction, no
         * {@code aggregate_lock} row (only platform.CommandTransaction takes it) and no Idempotency-Key row.
         */
        GATEWAY,
        /**
         * {@code POST /api/projects/{id}/capital-arrivals} with an Idempotency-Key: the gateway's statements plus the
         * project's {@code aggregate_lock} row first, the project's detail read before and after the command (the
         * controller's check and ETag), and the stored answer last.
         */
        API
    }

    /** Axon's default: an aggregate's events are read a hundred at a time. */
    private static final int EVENTS_PER_READ = 100;
    /** As the application's replay commits (audit.Replay). */
    private static final int EVENTS_PER_TRANSACTION = 10_000;

    private static final String LATEST_SNAPSHOT =
            """
            SELECT eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision,
                payload, metaData
            FROM SnapshotEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber DESC""";
    private static final String EVENTS_AFTER =
            """
            SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType,
                payloadRevision, payload, metaData
            FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber >= ? AND sequenceNumber < ?
            ORDER BY sequenceNumber ASC""";
    private static final String HISTORY_AFTER =
            """
            SELECT globalIndex, sequenceNumber, timeStamp, payloadType, payloadRevision, payload, eventIdentifier,
                aggregateIdentifier, type, metaData
            FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex LIMIT ?""";
    private static final String SUMMARY_COLUMNS =
            """
            project_id, zone_id, name, investor_name, investor_country, investor_top500, industry, stage, signed_on,
            landed_on, production_started_on, terminated_on, contract_investment_cny, foreign_capital_arrived_usd,
            domestic_capital_arrived_cny, amended, version""";

    private final DataSource dataSource;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    /**
     * Event rows stay in the twin table for the whole run while the live stream a raw command reads does not grow,
     * so {@code last + 1} would repeat; a number of its own keeps the unique key's check without a collision.
     */
    private final AtomicLong sequence = new AtomicLong(1_000_000_000L);

    private RawTwins(DataSource dataSource, Serializer serializer, EventUpcaster upcasters) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /** The tables a command's transaction writes beside the read models'. */
    private static final List<String> COMMAND_TABLES = List.of(
            "DomainEventEntry", "event_hash", "chain_checkpoint", "append_lock", "aggregate_lock", "idempotency_key");

    /** Creates the twin tables afresh and fills those the raw commands update or look up from the live ones. */
    static RawTwins create(DataSource dataSource, Serializer serializer, EventUpcaster upcasters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS bench_twin CASCADE");
            statement.execute("CREATE SCHEMA bench_twin");
            for (String table : COMMAND_TABLES) {
                twin(statement, table);
            }
            for (String table : READ_MODEL_TABLES) {
                twin(statement, table);
            }
            statement.execute("INSERT INTO bench_twin.append_lock (id, appends) VALUES (1, 0)");
        }
        RawTwins twins = new RawTwins(dataSource, serializer, upcasters);
        twins.copyCommandTables();
        return twins;
    }

    /**
     * A copy of the live table in schema {@code bench_twin}, with its keys, identities and indexes but not its
     * triggers (they refuse updates and deletes; an insert does not run them): H2 writes the table's definition out
     * ({@code SCRIPT NODATA}), as the replay's shadow tables are made.
     */
    private static void twin(Statement statement, String table) throws SQLException {
        List<String> definition = new ArrayList<>();
        try (ResultSet script = statement.executeQuery(
                "SCRIPT NODATA NOPASSWORDS NOSETTINGS NOVERSION TABLE PUBLIC." + table.toUpperCase(Locale.ROOT))) {
            while (script.next()) {
                definition.add(script.getString(1));
            }
        }
        for (String line : definition) {
            if (line.matches("(?s)^(CREATE (CACHED |MEMORY )?TABLE|CREATE (UNIQUE )?INDEX|ALTER TABLE) .*")) {
                statement.execute(line.replace("\"PUBLIC\".", "\"BENCH_TWIN\"."));
            }
        }
    }

    /**
     * A command updates its project's summary row and looks its arrivals up before adding one, so those tables start
     * as the live ones are (the arrivals' index as deep as the live one). Every project has its lock row already:
     * the application inserts it on the project's first API command only.
     */
    private void copyCommandTables() throws SQLException {
        execute(
                "INSERT INTO bench_twin.project_summary SELECT * FROM project_summary",
                "INSERT INTO bench_twin.project_arrival SELECT * FROM project_arrival",
                "INSERT INTO bench_twin.aggregate_lock (aggregate_id, commands) SELECT project_id, 0 FROM project_summary");
    }

    // ---- R1′: a command's whole transaction ----

    /** One RecordCapitalArrival of 100.00 CNY for {@code project}, in one transaction, as {@code caller} runs it. */
    void command(String project, Caller caller) throws SQLException {
        command(project, caller, true);
    }

    /**
     * {@code chained}: with the chain's link and signed checkpoint (audit.ChainLinks), as the application writes them
     * in every commit; without, to measure what they cost.
     */
    void command(String project, Caller caller, boolean chained) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            if (caller == Caller.API) {
                update(
                        connection,
                        "UPDATE bench_twin.aggregate_lock SET commands = commands + 1 WHERE aggregate_id = ?",
                        project);
                readDetail(connection, project);
            }
            long last = loadAggregate(connection, project);
            String arrivalId = UUID.randomUUID().toString();
            lookUpArrival(connection, project, arrivalId);
            String eventId = appendEvent(connection, project, arrivalId);
            if (chained) {
                link(connection, eventId);
            }
            writeProjections(connection, project, arrivalId, last + 1);
            if (caller == Caller.API) {
                readDetail(connection, project);
                storeAnswer(connection, project, arrivalId);
            }
            connection.commit();
        }
    }

    /** As Axon's JdbcEventStorageEngine loads an aggregate: its latest snapshot, then the events after it. */
    private static long loadAggregate(Connection connection, String project) throws SQLException {
        long last = latestSnapshot(connection, project);
        int read = EVENTS_PER_READ;
        while (read == EVENTS_PER_READ) {
            read = 0;
            try (PreparedStatement events = connection.prepareStatement(EVENTS_AFTER)) {
                events.setString(1, project);
                events.setLong(2, last + 1);
                events.setLong(3, last + 1 + EVENTS_PER_READ);
                try (ResultSet rows = events.executeQuery()) {
                    while (rows.next()) {
                        readColumns(rows);
                        last = rows.getLong(4);
                        read++;
                    }
                }
            }
        }
        return last;
    }

    /** The sequence number the latest snapshot stands at, -1 without one. */
    private static long latestSnapshot(Connection connection, String project) throws SQLException {
        try (PreparedStatement snapshot = connection.prepareStatement(LATEST_SNAPSHOT)) {
            snapshot.setString(1, project);
            try (ResultSet rows = snapshot.executeQuery()) {
                if (!rows.next()) {
                    return -1;
                }
                readColumns(rows);
                return rows.getLong(3);
            }
        }
    }

    /** The aggregate's check that the arrival id was not recorded before (project.ArrivalTable.find). */
    private static void lookUpArrival(Connection connection, String project, String arrivalId) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT arrival_id, arrived_on, kind, amount, retracted FROM bench_twin.project_arrival"
                        + " WHERE project_id = ? AND arrival_id = ?")) {
            find.setString(1, project);
            find.setString(2, arrivalId);
            try (ResultSet rows = find.executeQuery()) {
                if (rows.next()) {
                    throw new IllegalStateException("arrival " + arrivalId + " exists");
                }
            }
        }
    }

    /** The append lock, then the event row (platform.AppendOrderedStorageEngine); both held to the commit. */
    private String appendEvent(Connection connection, String project, String arrivalId) throws SQLException {
        update(connection, "UPDATE bench_twin.append_lock SET appends = appends + 1 WHERE id = 1");
        String eventId = UUID.randomUUID().toString();
        update(
                connection,
                """
                INSERT INTO bench_twin.DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type,
                    timeStamp, payloadType, payloadRevision, payload, metaData) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                eventId,
                project,
                sequence.incrementAndGet(),
                "InvestmentProject",
                Instant.now().toString(),
                "cn.zhaoshang.tracker.project.api.CapitalArrived",
                "1",
                ("{\"projectId\":\"%s\",\"arrivalId\":\"%s\",\"arrivedOn\":\"%s\",\"kind\":\"DOMESTIC\",\"amount\":100.00}")
                        .formatted(project, arrivalId, LocalDate.of(2026, 1, 5))
                        .getBytes(StandardCharsets.UTF_8),
                ("{\"traceId\":\"%s\",\"correlationId\":\"%s\",\"recordedBy\":\"system\"}")
                        .formatted(eventId, eventId)
                        .getBytes(StandardCharsets.UTF_8));
        return eventId;
    }

    /** The event read back, linked onto the chain's head and the new head signed (audit.ChainLinks). */
    private static void link(Connection connection, String eventId) throws SQLException {
        String previous = BenchChain.GENESIS;
        try (PreparedStatement head = connection.prepareStatement(
                        "SELECT hash FROM bench_twin.event_hash ORDER BY position DESC LIMIT 1");
                ResultSet row = head.executeQuery()) {
            if (row.next()) {
                previous = row.getString(1);
            }
        }
        long position;
        String hash;
        try (PreparedStatement event = connection.prepareStatement(
                "SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, payloadType,"
                        + " timeStamp, metaData, payload FROM bench_twin.DomainEventEntry WHERE eventIdentifier = ?")) {
            event.setString(1, eventId);
            try (ResultSet row = event.executeQuery()) {
                row.next();
                position = row.getLong(1);
                hash = BenchChain.next(
                        previous,
                        position,
                        row.getString(2),
                        row.getString(3),
                        row.getLong(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7),
                        row.getBytes(8),
                        row.getBytes(9));
            }
        }
        update(connection, "INSERT INTO bench_twin.event_hash (position, hash) VALUES (?, ?)", position, hash);
        update(
                connection,
                "INSERT INTO bench_twin.chain_checkpoint (position, hash, key_id, signature, signed_at)"
                        + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)",
                position,
                hash,
                BenchChain.keyId(),
                BenchChain.signCheckpoint(position, hash));
    }

    /**
     * What the subscribing processors write for a CapitalArrived: projectlist adds it to the project's summary,
     * arrivals inserts its row; zone and warning have no handler for it.
     */
    private static void writeProjections(Connection connection, String project, String arrivalId, long version)
            throws SQLException {
        update(
                connection,
                """
                UPDATE bench_twin.project_summary SET foreign_capital_arrived_usd = foreign_capital_arrived_usd + ?,
                    domestic_capital_arrived_cny = domestic_capital_arrived_cny + ?, version = ? WHERE project_id = ?""",
                BigDecimal.ZERO,
                new BigDecimal("100.00"),
                version,
                project);
        update(
                connection,
                """
                INSERT INTO bench_twin.project_arrival (project_id, arrival_id, sequence_no, arrived_on, kind, amount,
                    retracted) VALUES (?, ?, ?, ?, ?, ?, FALSE)""",
                project,
                arrivalId,
                version,
                LocalDate.of(2026, 1, 5),
                "DOMESTIC",
                new BigDecimal("100.00"));
    }

    /** The project's detail (projectlist.ProjectQueries' GetProject), as the API reads it around the command. */
    private static void readDetail(Connection connection, String project) throws SQLException {
        try (PreparedStatement detail = connection.prepareStatement(
                "SELECT " + SUMMARY_COLUMNS + " FROM bench_twin.project_summary WHERE project_id = ?")) {
            detail.setString(1, project);
            try (ResultSet rows = detail.executeQuery()) {
                while (rows.next()) {
                    readColumns(rows);
                }
            }
        }
    }

    /** The answer kept for the request's Idempotency-Key (platform.IdempotentCommands). */
    private static void storeAnswer(Connection connection, String project, String arrivalId) throws SQLException {
        update(
                connection,
                """
                INSERT INTO bench_twin.idempotency_key (idem_key, request_hash, status, body, location, etag,
                    recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                UUID.randomUUID().toString(),
                // the request's SHA-256 in hex is 64 characters; hashing it is the API's CPU, not the database's
                (arrivalId + arrivalId).replace("-", ""),
                201,
                "{\"arrivalId\":\"" + arrivalId + "\"}",
                "/api/projects/" + project,
                "\"1\"",
                "bureau",
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    // ---- R2′: a replay ----

    /**
     * The twin tables a replay writes, as the read models name theirs: those the generated history gives rows to (it
     * registers no users, attaches no evidence and submits no month; those models write nothing in a replay of it).
     */
    static final List<String> READ_MODEL_TABLES = List.of(
            "zone_directory",
            "annual_target",
            "project_summary",
            "project_arrival",
            "warning_rules",
            "project_warning",
            "report_fact",
            "report_zone",
            "report_target",
            "report_position",
            "report_zone_change");

    /**
     * Empties the twin read models (as the replay empties its shadow tables), then hands every stored event, in
     * global order and deserialized, to {@link TwinReadModels}, committing every {@value #EVENTS_PER_TRANSACTION}
     * events. Returns the events replayed.
     */
    long replay() throws SQLException {
        execute(READ_MODEL_TABLES.stream()
                .map(table -> "TRUNCATE TABLE bench_twin." + table)
                .toArray(String[]::new));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            TwinReadModels models = new TwinReadModels(connection);
            long position = 0;
            long events = 0;
            for (int read = replayFrom(connection, position, models); read > 0; ) {
                models.send();
                connection.commit();
                events += read;
                position = models.lastPosition();
                read = replayFrom(connection, position, models);
            }
            models.finish();
            connection.commit();
            return events;
        }
    }

    /** Hands the models the next transaction's events after {@code position}; returns how many there were. */
    private int replayFrom(Connection connection, long position, TwinReadModels models) throws SQLException {
        int read = 0;
        try (PreparedStatement query = connection.prepareStatement(HISTORY_AFTER)) {
            query.setLong(1, position);
            query.setInt(2, EVENTS_PER_TRANSACTION);
            try (ResultSet stored = query.executeQuery()) {
                while (stored.next()) {
                    // through the upcasters, as Axon reads events: a ZoneRegistered of revision 1 gets its province
                    Object event = new StoredEventRow(
                                    stored.getString(9),
                                    stored.getString(8),
                                    stored.getLong(2),
                                    stored.getString(7),
                                    Instant.parse(stored.getString(3)),
                                    stored.getString(4),
                                    stored.getString(5),
                                    stored.getBytes(6),
                                    stored.getBytes(10))
                            .read(serializer, upcasters);
                    models.on(event, stored.getLong(1), stored.getLong(2), Instant.parse(stored.getString(3)));
                    read++;
                }
            }
        }
        return read;
    }

    /** Each twin read model's row count next to its live table's, to show that R2′ wrote what the replay writes. */
    String rowCounts() throws SQLException {
        List<String> counts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : READ_MODEL_TABLES) {
                counts.add("%s %,d (live %,d)"
                        .formatted(
                                table, count(statement, "bench_twin." + table), count(statement, "PUBLIC." + table)));
            }
        }
        return String.join(", ", counts);
    }

    // ---- helpers ----

    private static long count(Statement statement, String table) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Reads every column of the current row, as a mapper would. */
    private static void readColumns(ResultSet rows) throws SQLException {
        int columns = rows.getMetaData().getColumnCount();
        for (int column = 1; column <= columns; column++) {
            rows.getObject(column);
        }
    }

    static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
