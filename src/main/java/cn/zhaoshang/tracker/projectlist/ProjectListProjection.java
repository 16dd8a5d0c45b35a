package cn.zhaoshang.tracker.projectlist;

import cn.zhaoshang.tracker.platform.CommandLookupTable;
import cn.zhaoshang.tracker.platform.ReadModel;
import cn.zhaoshang.tracker.platform.ReadModelWrites;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.ContractAmended;
import cn.zhaoshang.tracker.project.api.EvidenceAttached;
import cn.zhaoshang.tracker.project.api.ProductionStarted;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.SignedProjects;
import cn.zhaoshang.tracker.project.api.SigningCorrected;
import cn.zhaoshang.tracker.project.api.SigningKey;
import cn.zhaoshang.tracker.project.api.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps one row per project with its current facts and the version (sequence number of its last event). Its
 * processor is subscribing, so the signing's rule and the ledger import find a project by its {@link SigningKey}
 * the moment its signing commits.
 */
@Component
@CommandLookupTable
@ProcessingGroup("projectlist")
@ReadModel(tables = {"project_summary"})
class ProjectListProjection implements SignedProjects {

    private final ReadModelWrites writes;
    private final JdbcClient jdbc;

    ProjectListProjection(ReadModelWrites writes, JdbcClient jdbc) {
        this.writes = writes;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ProjectSigned event, @SequenceNumber long version) {
        writes.write(
                "project_summary",
                """
                INSERT INTO project_summary (project_id, zone_id, name, investor_name, investor_country,
                    investor_top500, industry, stage, signed_on, contract_investment_cny,
                    foreign_capital_arrived_usd, domestic_capital_arrived_cny, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)""",
                event.projectId().value(),
                event.zoneId(),
                event.name(),
                event.investor().name(),
                event.investor().country(),
                name(event.investor().top500()),
                event.industry().name(),
                Stage.SIGNED.name(),
                event.signedOn(),
                event.contractInvestmentCny(),
                version);
    }

    @EventHandler
    void on(ProjectLanded event, @SequenceNumber long version) {
        reached(event.projectId().value(), version, Stage.LANDED, "landed_on", event.landedOn());
    }

    @EventHandler
    void on(ProductionStarted event, @SequenceNumber long version) {
        reached(event.projectId().value(), version, Stage.IN_PRODUCTION, "production_started_on", event.startedOn());
    }

    @EventHandler
    void on(ProjectTerminated event, @SequenceNumber long version) {
        reached(event.projectId().value(), version, Stage.TERMINATED, "terminated_on", event.terminatedOn());
    }

    @EventHandler
    void on(CapitalArrived event, @SequenceNumber long version) {
        addCapital(event.projectId().value(), version, event.kind(), event.amount());
    }

    @EventHandler
    void on(ArrivalRetracted event, @SequenceNumber long version) {
        addCapital(
                event.projectId().value(), version, event.kind(), event.amount().negate());
    }

    @EventHandler
    void on(ContractAmended event, @SequenceNumber long version) {
        update(
                event.projectId().value(),
                version,
                "contract_investment_cny = ?, amended = TRUE",
                event.contractInvestmentCny());
    }

    /** Evidence changes no fact, but it is an event of the project: an If-Match must name the version after it. */
    @EventHandler
    void on(EvidenceAttached event, @SequenceNumber long version) {
        writes.write(
                "project_summary",
                "UPDATE project_summary SET version = ? WHERE project_id = ?",
                version,
                event.projectId().value());
    }

    @EventHandler
    void on(SigningCorrected event, @SequenceNumber long version) {
        // The amount shown is the contract as it stands: a correction of the signed amount only shows
        // while no amendment has replaced it.
        update(
                event.projectId().value(),
                version,
                """
                signed_on = ?, investor_top500 = ?, industry = ?,
                contract_investment_cny = CASE WHEN amended THEN contract_investment_cny ELSE ? END""",
                event.signedOn(),
                name(event.top500()),
                event.industry().name(),
                event.contractInvestmentCny());
    }

    @ResetHandler
    void reset() {
        writes.empty(this);
    }

    @Override
    public List<ProjectId> signedAs(SigningKey key) {
        return jdbc.sql(
                        """
                SELECT project_id FROM project_summary WHERE zone_id = ? AND signed_on = ? AND name = ?
                ORDER BY project_id""")
                .params(key.zoneId(), key.signedOn(), key.name())
                .query((row, number) -> ProjectId.of(row.getString(1)))
                .list();
    }

    /** The project moved on to a stage, on the date that the stage's column keeps. */
    private void reached(String projectId, long version, Stage stage, String dateColumn, LocalDate date) {
        update(projectId, version, "stage = ?, " + dateColumn + " = ?", stage.name(), date);
    }

    /** One statement for both kinds (the other adds zero), so that a project's arrivals replay as one batch. */
    private void addCapital(String projectId, long version, CapitalKind kind, BigDecimal amount) {
        boolean foreign = kind == CapitalKind.FOREIGN;
        update(
                projectId,
                version,
                """
                foreign_capital_arrived_usd = foreign_capital_arrived_usd + ?,
                domestic_capital_arrived_cny = domestic_capital_arrived_cny + ?""",
                foreign ? amount : BigDecimal.ZERO,
                foreign ? BigDecimal.ZERO : amount);
    }

    private void update(String projectId, long version, String assignments, Object... values) {
        Object[] params = new Object[values.length + 2];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = version;
        params[values.length + 1] = projectId;
        writes.write(
                "project_summary",
                "UPDATE project_summary SET " + assignments + ", version = ? WHERE project_id = ?",
                params);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
