package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.MigratedH2;
import cn.zhaoshang.tracker.audit.api.ChainHashes;
import cn.zhaoshang.tracker.platform.ProcessorProgress;
import cn.zhaoshang.tracker.platform.ReadModelWrites;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.ContractAmended;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Investor;
import cn.zhaoshang.tracker.project.api.ProductionStarted;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.SigningCorrected;
import cn.zhaoshang.tracker.project.api.Top500;
import cn.zhaoshang.tracker.zone.api.AnnualTargetSet;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The report read model on its own in-memory database, fed by hand: "at 2024-01-05T10:00:00Z, record X" gives X the
 * next global position and that recording instant, as the tracking processor would.
 */
final class ReportFixture {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The fixture's "now": the default {@code knownAt}; already 2025-03-01, the default {@code asOf}, in China. */
    static final Instant NOW = Instant.parse("2025-02-28T17:00:00Z");

    /** A recording instant after everything any test records: reports known at it count the whole history. */
    static final String EVERYTHING = "2030-01-01T00:00:00Z";

    private static final Serializer SERIALIZER = JacksonSerializer.defaultSerializer();

    final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    final ReadModelWrites writes;
    final ReportProjection projection;
    final FiguresCache figures;
    final ReportRows rows;
    final Reports reports;

    private long position;
    private final List<Recorded> history = new ArrayList<>();
    private final Map<String, ProjectSigned> signings = new HashMap<>();
    private final Map<String, SigningCorrected> corrections = new HashMap<>();
    private final Map<String, BigDecimal> totals = new HashMap<>();
    private final Map<String, CapitalArrived> arrivals = new HashMap<>();

    ReportFixture() {
        JdbcDataSource dataSource = MigratedH2.create("report");
        jdbc = JdbcClient.create(dataSource);
        figures = new FiguresCache();
        JdbcTransactionManager transactionManager = new JdbcTransactionManager(dataSource);
        writes = new ReadModelWrites(dataSource, transactionManager);
        transactions = new TransactionTemplate(transactionManager);
        projection = new ReportProjection(writes);
        rows = new ReportRows(jdbc, new ProcessorProgress(jdbc, SERIALIZER));
        reports = new Reports(rows, new WholeChain(), position -> Optional.empty(), Clock.fixed(NOW, CHINA), figures);
    }

    /** Runs {@code work} in a transaction of its own, as a segment of the report processor handles a batch. */
    void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    void close() {
        jdbc.sql("SHUTDOWN").update();
    }

    /** Records the events, in order, at the next positions and the given instant; returns the last position. */
    long at(String recordedAt, Object... events) {
        Instant instant = Instant.parse(recordedAt);
        for (Object event : events) {
            record(event, ++position, instant);
        }
        return position;
    }

    /** Feeds the whole history again, each event at its position and recording instant (a replay). */
    void recordEverythingAgain() {
        List<Recorded> again = List.copyOf(history);
        history.clear();
        again.forEach(recorded -> record(recorded.event(), recorded.position(), recorded.recordedAt()));
    }

    /**
     * Empties the tables and feeds the whole history as a processor's batch: in one unit of work, whose statements
     * are sent as batches when it commits.
     */
    void replayEverything() {
        List<Recorded> again = List.copyOf(history);
        history.clear();
        projection.reset();
        inTransaction(() -> {
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            again.forEach(recorded -> record(recorded.event(), recorded.position(), recorded.recordedAt()));
            batch.commit();
        });
    }

    /** Every row of the report tables, surrogate keys (identities) left out, in a fixed order. */
    List<String> allRows() {
        List<String> rows = new ArrayList<>();
        for (String table : ReadModelWrites.tablesOf(ReportProjection.class)) {
            String query = "SELECT "
                    + String.join(
                            ", ",
                            jdbc.sql(
                                            "SELECT column_name FROM information_schema.columns"
                                                    + " WHERE table_schema = CURRENT_SCHEMA AND UPPER(table_name) = UPPER(?) AND is_identity = 'NO' ORDER BY ordinal_position")
                                    .param(table)
                                    .query(String.class)
                                    .list())
                    + " FROM " + table;
            rows.add(query);
            rows.addAll(jdbc
                    .sql(query)
                    .query((row, number) -> {
                        StringBuilder line = new StringBuilder();
                        for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                            line.append(row.getObject(column)).append('|');
                        }
                        return line.toString();
                    })
                    .list()
                    .stream()
                    .sorted()
                    .toList());
        }
        return rows;
    }

    private record Recorded(Object event, long position, Instant recordedAt) {}

    private void record(Object event, long at, Instant recordedAt) {
        history.add(new Recorded(event, at, recordedAt));
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(at);
        if (event instanceof ZoneRegistered zone) {
            projection.on(zone, token, recordedAt);
        } else if (event instanceof AnnualTargetSet targets) {
            projection.on(targets, token, recordedAt);
        } else if (event instanceof ProjectSigned signed) {
            signings.put(signed.projectId().value(), signed);
            totals.put(signed.projectId().value(), signed.contractInvestmentCny());
            projection.on(signed, token, recordedAt);
        } else if (event instanceof SigningCorrected corrected) {
            corrections.put(corrected.projectId().value(), corrected);
            projection.on(corrected, token, recordedAt);
        } else if (event instanceof ContractAmended amended) {
            totals.put(amended.projectId().value(), amended.contractInvestmentCny());
            projection.on(amended, token, recordedAt);
        } else if (event instanceof ProjectLanded landed) {
            projection.on(landed, token, recordedAt);
        } else if (event instanceof ProductionStarted started) {
            projection.on(started, token, recordedAt);
        } else if (event instanceof ProjectTerminated terminated) {
            projection.on(terminated, token, recordedAt);
        } else if (event instanceof CapitalArrived arrived) {
            arrivals.put(arrived.arrivalId().value(), arrived);
            projection.on(arrived, token, recordedAt);
        } else if (event instanceof ArrivalRetracted retracted) {
            projection.on(retracted, token, recordedAt);
        } else {
            throw new IllegalArgumentException("not a report event: " + event);
        }
        storeToken(0, token);
    }

    /** As the tracking processor's segment stores its token with the batch it handled. */
    void storeToken(int segment, TrackingToken token) {
        SerializedObject<byte[]> serialized = SERIALIZER.serialize(token, byte[].class);
        jdbc.sql("MERGE INTO TokenEntry (processorName, segment, token, tokenType) KEY (processorName, segment)"
                        + " VALUES (?, 0, ?, ?)")
                .params(
                        ReportProjection.PROCESSOR,
                        serialized.getData(),
                        serialized.getType().getName())
                .update();
    }

    // Reports, with both clocks given as text.

    ZoneYearReport zoneYear(String zoneId, int year, String asOf, String knownAt) {
        return reports.zoneYear(zoneId, year, reports.point(LocalDate.parse(asOf), Instant.parse(knownAt), null));
    }

    ZoneYearReport zoneYearAtPosition(String zoneId, int year, String asOf, long atPosition) {
        return reports.zoneYear(zoneId, year, reports.point(LocalDate.parse(asOf), null, atPosition));
    }

    /** The zone-year report and its views, as the dashboard, "then and now" and the 月报 take them. */
    ZoneYearViews views(String zoneId, int year, String asOf, String knownAt) {
        return reports.views(zoneId, year, reports.point(LocalDate.parse(asOf), Instant.parse(knownAt), null));
    }

    CityReport city(String city, int year, String asOf, String knownAt) {
        return reports.city(city, year, reports.point(LocalDate.parse(asOf), Instant.parse(knownAt), null));
    }

    ProvinceReport province(String province, int year, String asOf, String knownAt) {
        return reports.province(province, year, reports.point(LocalDate.parse(asOf), Instant.parse(knownAt), null));
    }

    /** The zone's fact rows as the dashboard views get them: dated up to {@code until}, believed at the point. */
    List<Fact> facts(String zoneId, String until, String asOf, String knownAt) {
        return reports.facts(
                zoneId, LocalDate.parse(until), reports.point(LocalDate.parse(asOf), Instant.parse(knownAt), null));
    }

    int rowCount(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    // Events.

    /** A zone of Hunan, the default province of a zone registered without one. */
    static ZoneRegistered zone(String zoneId, String name, String city) {
        return zone(zoneId, name, city, "hunan");
    }

    static ZoneRegistered zone(String zoneId, String name, String city, String province) {
        return new ZoneRegistered(zoneId, name, city, province);
    }

    static AnnualTargetSet targets(
            String zoneId, int year, String contractInvestmentCny, String foreignCapitalUsd, Integer projectCount) {
        return new AnnualTargetSet(zoneId, year, money(contractInvestmentCny), money(foreignCapitalUsd), projectCount);
    }

    static ProjectSigned signed(String projectId, String zoneId, String signedOn, String amountCny) {
        return signed(projectId, zoneId, signedOn, amountCny, null, Industry.OTHER);
    }

    static ProjectSigned signed(
            String projectId, String zoneId, String signedOn, String amountCny, Top500 top500, Industry industry) {
        return new ProjectSigned(
                new ProjectId(projectId),
                zoneId,
                "项目 " + projectId,
                new Investor("投资方 " + projectId, "CN", top500),
                industry,
                LocalDate.parse(signedOn),
                money(amountCny),
                money("1000000"),
                money("50"));
    }

    /** The complete corrected signing, with the facts it replaces as currently recorded. */
    SigningCorrected corrected(String projectId, String signedOn, String amountCny, Top500 top500, Industry industry) {
        SigningCorrected earlier = corrections.get(projectId);
        ProjectSigned signed = signings.get(projectId);
        return new SigningCorrected(
                new ProjectId(projectId),
                LocalDate.parse(signedOn),
                money(amountCny),
                top500,
                industry,
                earlier == null ? signed.signedOn() : earlier.signedOn(),
                earlier == null ? signed.contractInvestmentCny() : earlier.contractInvestmentCny(),
                earlier == null ? signed.investor().top500() : earlier.top500(),
                earlier == null ? signed.industry() : earlier.industry(),
                "录入错误 / typo");
    }

    /** 增资/减资 to a new contracted total, with the total it replaces as currently recorded. */
    ContractAmended amended(String projectId, String amendedOn, String newTotalCny) {
        return new ContractAmended(
                new ProjectId(projectId), LocalDate.parse(amendedOn), money(newTotalCny), totals.get(projectId), "变更");
    }

    static ProjectLanded landed(String projectId, String landedOn) {
        return new ProjectLanded(new ProjectId(projectId), LocalDate.parse(landedOn));
    }

    static ProductionStarted started(String projectId, String startedOn) {
        return new ProductionStarted(new ProjectId(projectId), LocalDate.parse(startedOn));
    }

    static ProjectTerminated terminated(String projectId, String terminatedOn) {
        return new ProjectTerminated(new ProjectId(projectId), LocalDate.parse(terminatedOn), "撤资");
    }

    static CapitalArrived foreign(String projectId, String arrivalId, String arrivedOn, String amountUsd) {
        return arrived(projectId, arrivalId, arrivedOn, CapitalKind.FOREIGN, amountUsd);
    }

    static CapitalArrived domestic(String projectId, String arrivalId, String arrivedOn, String amountCny) {
        return arrived(projectId, arrivalId, arrivedOn, CapitalKind.DOMESTIC, amountCny);
    }

    private static CapitalArrived arrived(
            String projectId, String arrivalId, String arrivedOn, CapitalKind kind, String amount) {
        return new CapitalArrived(
                new ProjectId(projectId), new ArrivalId(arrivalId), LocalDate.parse(arrivedOn), kind, money(amount));
    }

    /** Retracts an arrival recorded earlier, repeating its facts. */
    ArrivalRetracted retracted(String arrivalId) {
        CapitalArrived arrival = arrivals.get(arrivalId);
        return new ArrivalRetracted(
                arrival.projectId(),
                arrival.arrivalId(),
                arrival.arrivedOn(),
                arrival.kind(),
                arrival.amount(),
                "重复登记 / recorded twice");
    }

    static BigDecimal money(String amount) {
        return amount == null ? null : new BigDecimal(amount);
    }

    /** The hash chain is not part of these tests: it covers everything and knows no hashes. */
    private static final class WholeChain implements ChainHashes {

        @Override
        public Optional<Long> head() {
            return Optional.of(Long.MAX_VALUE);
        }

        @Override
        public Optional<String> hashAt(long position) {
            return Optional.empty();
        }
    }
}
