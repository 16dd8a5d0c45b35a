package cn.zhaoshang.tracker.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * R5 of the benchmark suite (scripts/bench.sh): hash-chain verification of a large history against a raw
 * sequential read of the same table with every payload deserialized, on the same H2 file, in the same run.
 * Prints figures; asserts nothing about time (tests check behaviour, this measures).
 */
@Tag("bench")
class VerificationBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);

    @Test
    void verification_against_a_raw_sequential_read() throws Exception {
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("verification-" + EVENTS) + ";WRITE_DELAY=0");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/h2")
                .load()
                .migrate();
        generate(dataSource);

        ChainVerifier verifier = new ChainVerifier(dataSource);
        List<Long> verifyMillis = new ArrayList<>();
        List<Long> rawMillis = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            ChainVerifier.Verification verification = verifier.verify();
            verifyMillis.add((System.nanoTime() - started) / 1_000_000);
            if (!verification.valid() || verification.eventsChecked() != EVENTS) {
                throw new IllegalStateException("unexpected verification " + verification);
            }
            started = System.nanoTime();
            long read = rawRead(dataSource);
            rawMillis.add((System.nanoTime() - started) / 1_000_000);
            if (read != EVENTS) {
                throw new IllegalStateException("read " + read);
            }
        }
        long verify = median(verifyMillis);
        long raw = median(rawMillis);
        System.out.printf(
                "R5 verification: %d events, median of %d runs: verify %d ms (%.0f events/s), raw read %d ms"
                        + " (%.0f events/s), ratio %.2f of raw, max heap %d MB%n",
                EVENTS,
                RUNS,
                verify,
                EVENTS * 1000.0 / verify,
                raw,
                EVENTS * 1000.0 / raw,
                (double) raw / verify,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** Fills an empty store with arrivals of money spread over 140 zones' projects, and chains them. */
    private static void generate(JdbcDataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM event_hash")) {
                count.next();
                if (count.getLong(1) == EVENTS) {
                    return;
                }
            }
            connection.setAutoCommit(false);
            String previous = HashChain.GENESIS;
            try (PreparedStatement event = connection.prepareStatement(
                            "INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type,"
                                    + " eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)"
                                    + " VALUES (?, ?, ?, 'InvestmentProject', ?, ?, ?, '1', ?, ?)");
                    PreparedStatement hash =
                            connection.prepareStatement("INSERT INTO event_hash (position, hash) VALUES (?, ?)")) {
                for (int i = 1; i <= EVENTS; i++) {
                    String project = "project-" + (i % 20_000);
                    byte[] payload = ("{\"projectId\":\"" + project + "\",\"arrivalId\":\"" + UUID.randomUUID()
                                    + "\",\"arrivedOn\":\"2023-07-01\",\"kind\":\"FOREIGN\",\"amount\":" + (1000 + i)
                                    + ".50}")
                            .getBytes(StandardCharsets.UTF_8);
                    byte[] metaData = "{\"recordedBy\":\"bureau\"}".getBytes(StandardCharsets.UTF_8);
                    StoredEvent stored = new StoredEvent(
                            i,
                            UUID.randomUUID().toString(),
                            project,
                            i / 20_000,
                            "InvestmentProject",
                            "cn.zhaoshang.tracker.project.api.CapitalArrived",
                            "1",
                            "2024-01-05T02:00:00Z",
                            metaData,
                            payload);
                    event.setLong(1, i);
                    event.setString(2, stored.aggregateIdentifier());
                    event.setLong(3, stored.sequenceNumber());
                    event.setString(4, stored.eventIdentifier());
                    event.setBytes(5, metaData);
                    event.setBytes(6, payload);
                    event.setString(7, stored.payloadType());
                    event.setString(8, stored.timeStamp());
                    event.addBatch();
                    previous = HashChain.next(previous, stored);
                    hash.setLong(1, i);
                    hash.setString(2, previous);
                    hash.addBatch();
                    if (i % 10_000 == 0) {
                        event.executeBatch();
                        hash.executeBatch();
                        connection.commit();
                    }
                }
                event.executeBatch();
                hash.executeBatch();
                connection.commit();
            }
        }
    }

    /** The baseline: every row read in global order and its payload parsed. */
    private static long rawRead(JdbcDataSource dataSource) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long rows = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry ORDER BY globalIndex")) {
            query.setFetchSize(1000);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    json.readTree(StoredEvent.from(result).payload());
                    rows++;
                }
            }
        }
        return rows;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
