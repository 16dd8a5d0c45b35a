package cn.zhaoshang.tracker.bench;

import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.ContractAmended;
import cn.zhaoshang.tracker.project.api.ProductionStarted;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.SigningCorrected;
import cn.zhaoshang.tracker.warning.api.WarningCleared;
import cn.zhaoshang.tracker.warning.api.WarningRaised;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import cn.zhaoshang.tracker.warning.api.WarningRulesSet;
import cn.zhaoshang.tracker.zone.api.AnnualTargetSet;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * R2′'s writes: for each event, the rows the read models' event handlers write for it (zone.ZoneDirectory,
 * projectlist.ProjectListProjection, project.ArrivalTable, warning.WarningProjection, report.ReportProjection), with
 * the same statements, into the twin tables. Batched as the application's replay batches them
 * (platform.ReadModelWrites): per table in the order they come, a different statement on a table sending that
 * table's waiting ones first, everything sent at {@value #PENDING} waiting. The statements the application runs at
 * once (ZoneDirectory and WarningProjection write without batching) run at once here too.
 *
 * <p>Simplified: the report projection's fallback that asks the facts for a project's zone when a replay has not seen
 * its signing (no such project in the generated history) is left out; each zone's last change is inserted at the end
 * without the application's update-else-insert (the twin table is empty). Unlike the application, which prepares a
 * statement for each batch it sends, each statement is prepared once for the whole replay.
 */
final class TwinReadModels {

    private static final int PENDING = 1_000;

    private static final String SUMMARY_UPDATE =
            "UPDATE bench_twin.project_summary SET %s, version = ? WHERE project_id = ?";
    private static final String ADD_CAPITAL =
            """
            foreign_capital_arrived_usd = foreign_capital_arrived_usd + ?,
            domestic_capital_arrived_cny = domestic_capital_arrived_cny + ?""";
    private static final String INSERT_FACT =
            """
            INSERT INTO bench_twin.report_fact (zone_id, project_id, kind, business_date, amount, capital_kind, arrival_id,
                recorded_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private final Map<String, Waiting> tables = new LinkedHashMap<>();
    private final Map<String, String> zoneOfProject = new HashMap<>();
    private final Map<String, Long> lastChange = new HashMap<>();
    private int waiting;
    private long lastPosition;

    TwinReadModels(Connection connection) {
        this.connection = connection;
    }

    /** The statements of one table waiting to be sent as one batch. */
    private static final class Waiting {
        private final String sql;
        private final PreparedStatement statement;
        private int rows;

        Waiting(String sql, PreparedStatement statement) {
            this.sql = sql;
            this.statement = statement;
        }
    }

    /** The event stored at {@code position}, number {@code sequence} of its aggregate, recorded at {@code at}. */
    void on(Object event, long position, long sequence, Instant at) throws SQLException {
        lastPosition = position;
        batch(
                "report_position",
                "INSERT INTO bench_twin.report_position (position, recorded_at) VALUES (?, ?)",
                position,
                at.atOffset(ZoneOffset.UTC));
        if (event instanceof CapitalArrived arrived) {
            arrived(arrived, position, sequence);
        } else if (event instanceof ProjectSigned signed) {
            signed(signed, position, sequence);
        } else if (event instanceof ProjectLanded landed) {
            reached(Milestone.LANDED, landed.projectId().value(), landed.landedOn(), position, sequence);
        } else if (event instanceof ProductionStarted started) {
            reached(Milestone.IN_PRODUCTION, started.projectId().value(), started.startedOn(), position, sequence);
        } else if (event instanceof ProjectTerminated terminated) {
            reached(
                    Milestone.TERMINATED,
                    terminated.projectId().value(),
                    terminated.terminatedOn(),
                    position,
                    sequence);
        } else if (event instanceof ContractAmended amended) {
            amended(amended, position, sequence);
        } else if (event instanceof ArrivalRetracted retracted) {
            retracted(retracted, position, sequence);
        } else if (event instanceof SigningCorrected corrected) {
            corrected(corrected, position, sequence);
        } else if (event instanceof ZoneRegistered zone) {
            zoneRegistered(zone, position);
        } else if (event instanceof AnnualTargetSet target) {
            targetSet(target, position);
        } else {
            warning(event, at);
        }
    }

    long lastPosition() {
        return lastPosition;
    }

    /** Sends every waiting statement (before a commit). */
    void send() throws SQLException {
        for (Waiting table : tables.values()) {
            send(table);
        }
        tables.clear();
    }

    /** After the last event: each zone's last change, kept in memory during the replay as the projection keeps it. */
    void finish() throws SQLException {
        for (Map.Entry<String, Long> zone : lastChange.entrySet()) {
            batch(
                    "report_zone_change",
                    "INSERT INTO bench_twin.report_zone_change (zone_id, last_position) VALUES (?, ?)",
                    zone.getKey(),
                    zone.getValue());
        }
        send();
        for (PreparedStatement statement : prepared.values()) {
            statement.close();
        }
    }

    // ---- the events ----

    private void arrived(CapitalArrived event, long position, long sequence) throws SQLException {
        String project = event.projectId().value();
        addCapital(project, event.kind(), event.amount(), sequence);
        batch(
                "project_arrival",
                """
                INSERT INTO bench_twin.project_arrival (project_id, arrival_id, sequence_no, arrived_on, kind, amount,
                    retracted) VALUES (?, ?, ?, ?, ?, ?, FALSE)""",
                project,
                event.arrivalId().value(),
                sequence,
                event.arrivedOn(),
                event.kind().name(),
                event.amount());
        fact(
                project,
                "ARRIVAL",
                event.arrivedOn(),
                event.amount(),
                event.kind().name(),
                event.arrivalId().value(),
                position);
    }

    private void signed(ProjectSigned event, long position, long sequence) throws SQLException {
        String project = event.projectId().value();
        batch(
                "project_summary",
                """
                INSERT INTO bench_twin.project_summary (project_id, zone_id, name, investor_name, investor_country,
                    investor_top500, industry, stage, signed_on, contract_investment_cny,
                    foreign_capital_arrived_usd, domestic_capital_arrived_cny, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)""",
                project,
                event.zoneId(),
                event.name(),
                event.investor().name(),
                event.investor().country(),
                name(event.investor().top500()),
                event.industry().name(),
                "SIGNED",
                event.signedOn(),
                event.contractInvestmentCny(),
                sequence);
        signing(
                event.zoneId(),
                project,
                event.signedOn(),
                event.contractInvestmentCny(),
                name(event.investor().top500()),
                event.industry().name(),
                event.name(),
                event.investor().name(),
                position);
    }

    /** A stage the project list shows with its date, and the report's fact of the same kind. */
    private enum Milestone {
        LANDED("landed_on", "LANDING"),
        IN_PRODUCTION("production_started_on", "PRODUCTION"),
        TERMINATED("terminated_on", "TERMINATION");

        private final String dateColumn;
        private final String factKind;

        Milestone(String dateColumn, String factKind) {
            this.dateColumn = dateColumn;
            this.factKind = factKind;
        }
    }

    private void reached(Milestone stage, String project, LocalDate on, long position, long sequence)
            throws SQLException {
        summary(project, sequence, "stage = ?, " + stage.dateColumn + " = ?", stage.name(), on);
        fact(project, stage.factKind, on, null, null, null, position);
    }

    private void amended(ContractAmended event, long position, long sequence) throws SQLException {
        String project = event.projectId().value();
        summary(project, sequence, "contract_investment_cny = ?, amended = TRUE", event.contractInvestmentCny());
        fact(project, "AMENDMENT", event.amendedOn(), event.contractInvestmentCny(), null, null, position);
    }

    private void retracted(ArrivalRetracted event, long position, long sequence) throws SQLException {
        String project = event.projectId().value();
        addCapital(project, event.kind(), event.amount().negate(), sequence);
        batch(
                "project_arrival",
                "UPDATE bench_twin.project_arrival SET retracted = TRUE WHERE project_id = ? AND arrival_id = ?",
                project,
                event.arrivalId().value());
        supersede(project, "ARRIVAL", event.arrivalId().value(), position);
    }

    /** The report reads the signing it replaces (sending what waits first, as the projection's read does). */
    private void corrected(SigningCorrected event, long position, long sequence) throws SQLException {
        String project = event.projectId().value();
        summary(
                project,
                sequence,
                """
                signed_on = ?, investor_top500 = ?, industry = ?,
                contract_investment_cny = CASE WHEN amended THEN contract_investment_cny ELSE ? END""",
                event.signedOn(),
                name(event.top500()),
                event.industry().name(),
                event.contractInvestmentCny());
        send();
        try (PreparedStatement old = connection.prepareStatement(
                """
                SELECT zone_id, project_name, investor_name FROM bench_twin.report_fact
                WHERE project_id = ? AND kind = 'SIGNING' AND superseded_position IS NULL""")) {
            old.setString(1, project);
            try (ResultSet signing = old.executeQuery()) {
                signing.next();
                supersede(project, "SIGNING", null, position);
                signing(
                        signing.getString(1),
                        project,
                        event.signedOn(),
                        event.contractInvestmentCny(),
                        name(event.top500()),
                        event.industry().name(),
                        signing.getString(2),
                        signing.getString(3),
                        position);
            }
        }
    }

    private void zoneRegistered(ZoneRegistered event, long position) throws SQLException {
        RawTwins.update(
                connection,
                "INSERT INTO bench_twin.zone_directory (zone_id, name, city, province) VALUES (?, ?, ?, ?)",
                event.zoneId(),
                event.name(),
                event.city(),
                event.province());
        batch(
                "report_zone",
                "INSERT INTO bench_twin.report_zone (zone_id, name, city, province, recorded_position)"
                        + " VALUES (?, ?, ?, ?, ?)",
                event.zoneId(),
                event.name(),
                event.city(),
                event.province(),
                position);
    }

    private void targetSet(AnnualTargetSet event, long position) throws SQLException {
        Object[] figures = {event.contractInvestmentCny(), event.foreignCapitalUsd(), event.projectCount()};
        if (RawTwins.update(
                        connection,
                        """
                        UPDATE bench_twin.annual_target SET contract_investment_cny = ?, foreign_capital_usd = ?,
                            project_count = ? WHERE zone_id = ? AND target_year = ?""",
                        figures[0],
                        figures[1],
                        figures[2],
                        event.zoneId(),
                        event.year())
                == 0) {
            RawTwins.update(
                    connection,
                    """
                    INSERT INTO bench_twin.annual_target (zone_id, target_year, contract_investment_cny,
                        foreign_capital_usd, project_count) VALUES (?, ?, ?, ?, ?)""",
                    event.zoneId(),
                    event.year(),
                    figures[0],
                    figures[1],
                    figures[2]);
        }
        batch(
                "report_target",
                """
                UPDATE bench_twin.report_target SET superseded_position = ?
                WHERE zone_id = ? AND target_year = ? AND superseded_position IS NULL""",
                position,
                event.zoneId(),
                event.year());
        batch(
                "report_target",
                """
                INSERT INTO bench_twin.report_target (zone_id, target_year, contract_investment_cny,
                    foreign_capital_usd, project_count, recorded_position) VALUES (?, ?, ?, ?, ?, ?)""",
                event.zoneId(),
                event.year(),
                figures[0],
                figures[1],
                figures[2],
                position);
    }

    /** The warning projection's rows; the reports count no warning (the position above is all they write). */
    private void warning(Object event, Instant at) throws SQLException {
        if (event instanceof WarningRulesSet set) {
            WarningRules rules = set.rules();
            RawTwins.update(connection, "DELETE FROM bench_twin.warning_rules WHERE zone_id = ?", set.zoneId());
            RawTwins.update(
                    connection,
                    """
                    INSERT INTO bench_twin.warning_rules (zone_id, not_landed_yellow_days, not_landed_red_days,
                        not_in_production_yellow_days, not_in_production_red_days) VALUES (?, ?, ?, ?, ?)""",
                    set.zoneId(),
                    rules.notLandedYellowDays(),
                    rules.notLandedRedDays(),
                    rules.notInProductionYellowDays(),
                    rules.notInProductionRedDays());
        } else if (event instanceof WarningRaised raised) {
            RawTwins.update(
                    connection,
                    "DELETE FROM bench_twin.project_warning WHERE project_id = ?",
                    raised.projectId().value());
            RawTwins.update(
                    connection,
                    """
                    INSERT INTO bench_twin.project_warning (project_id, zone_id, project_name, colour, kind, since,
                        due_on, raised_on, flagged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    raised.projectId().value(),
                    raised.zoneId(),
                    raised.projectName(),
                    raised.colour().name(),
                    raised.kind().name(),
                    raised.since(),
                    raised.dueOn(),
                    raised.raisedOn(),
                    OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
        } else if (event instanceof WarningCleared cleared) {
            RawTwins.update(
                    connection,
                    "DELETE FROM bench_twin.project_warning WHERE project_id = ?",
                    cleared.projectId().value());
        }
    }

    // ---- the rows ----

    /** One statement for both kinds of capital (the other adds zero), as the project list writes it. */
    private void addCapital(String project, CapitalKind kind, BigDecimal amount, long sequence) throws SQLException {
        boolean foreign = kind == CapitalKind.FOREIGN;
        summary(project, sequence, ADD_CAPITAL, foreign ? amount : BigDecimal.ZERO, foreign ? BigDecimal.ZERO : amount);
    }

    private void summary(String project, long version, String assignments, Object... values) throws SQLException {
        Object[] params = new Object[values.length + 2];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = version;
        params[values.length + 1] = project;
        batch("project_summary", SUMMARY_UPDATE.formatted(assignments), params);
    }

    private void signing(
            String zone,
            String project,
            LocalDate signedOn,
            BigDecimal amount,
            String top500,
            String industry,
            String projectName,
            String investorName,
            long position)
            throws SQLException {
        batch(
                "report_fact",
                """
                INSERT INTO bench_twin.report_fact (zone_id, project_id, kind, business_date, amount, top500, industry,
                    project_name, investor_name, recorded_position)
                VALUES (?, ?, 'SIGNING', ?, ?, ?, ?, ?, ?, ?)""",
                zone,
                project,
                signedOn,
                amount,
                top500,
                industry,
                projectName,
                investorName,
                position);
        zoneOfProject.put(project, zone);
        lastChange.merge(zone, position, Math::max);
    }

    /** A fact of the project's zone; none for a project whose signing the replay has not seen. */
    private void fact(
            String project,
            String kind,
            LocalDate on,
            BigDecimal amount,
            String capitalKind,
            String arrivalId,
            long position)
            throws SQLException {
        String zone = zoneOfProject.get(project);
        if (zone != null) {
            batch("report_fact", INSERT_FACT, zone, project, kind, on, amount, capitalKind, arrivalId, position);
            lastChange.merge(zone, position, Math::max);
        }
    }

    private void supersede(String project, String kind, String arrivalId, long position) throws SQLException {
        batch(
                "report_fact",
                """
                UPDATE bench_twin.report_fact SET superseded_position = ?
                WHERE project_id = ? AND kind = ? AND superseded_position IS NULL
                  AND (CAST(? AS VARCHAR) IS NULL OR arrival_id = ?)""",
                position,
                project,
                kind,
                arrivalId,
                arrivalId);
        String zone = zoneOfProject.get(project);
        if (zone != null) {
            lastChange.merge(zone, position, Math::max);
        }
    }

    // ---- the batches ----

    private void batch(String table, String sql, Object... params) throws SQLException {
        Waiting pending = tables.get(table);
        if (pending == null || !pending.sql.equals(sql)) {
            if (pending != null) {
                send(pending);
            }
            pending = new Waiting(sql, prepared(sql));
            tables.put(table, pending);
        }
        RawTwins.bind(pending.statement, params);
        pending.statement.addBatch();
        pending.rows++;
        if (++waiting >= PENDING) {
            send();
        }
    }

    private void send(Waiting table) throws SQLException {
        if (table.rows > 0) {
            table.statement.executeBatch();
            waiting -= table.rows;
            table.rows = 0;
        }
    }

    /** Prepared once per statement for the whole replay. */
    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        return statement;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
