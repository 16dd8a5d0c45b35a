package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.platform.ReadModel;
import cn.zhaoshang.tracker.platform.ReadModelWrites;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.ContractAmended;
import cn.zhaoshang.tracker.project.api.ProductionStarted;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.SigningCorrected;
import cn.zhaoshang.tracker.zone.api.AnnualTargetSet;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.stereotype.Component;

/**
 * Turns events into fact rows. Nothing is updated in place except the closing of a belief: a correction or a
 * retraction sets {@code superseded_position} on the rows it replaces and, for a correction, adds the new row.
 */
@Component
@ProcessingGroup(ReportProjection.PROCESSOR)
@ReadModel(tables = {"report_fact", "report_zone", "report_target", "report_position", "report_zone_change"})
class ReportProjection {

    static final String PROCESSOR = "report";

    /** Projects whose zone is remembered: a project's zone never changes, so entries need no refresh. */
    private static final int ZONES_REMEMBERED = 100_000;

    private static final AtomicLong INSTANCES = new AtomicLong();

    /** The name of this instance's last changes among a unit of work's resources (live and replay differ). */
    private final String lastChangeResource = "report-last-change-" + INSTANCES.incrementAndGet();

    private final ReadModelWrites writes;
    private final Cache<String, String> zoneOfProject =
            Caffeine.newBuilder().maximumSize(ZONES_REMEMBERED).build();

    ReportProjection(ReadModelWrites writes) {
        this.writes = writes;
    }

    /**
     * An event the reports do not count (a warning, say) still moves the position they stand at, so that every
     * position of the history can be asked for with {@code atPosition} and {@code knownAt} sees all of it.
     */
    @EventHandler
    void on(Object uncounted, TrackingToken token, @Timestamp Instant recordedAt) {
        seen(token, recordedAt);
    }

    @EventHandler
    void on(ZoneRegistered event, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = seen(token, recordedAt);
        writes.write(
                "report_zone",
                "INSERT INTO report_zone (zone_id, name, city, province, recorded_position) VALUES (?, ?, ?, ?, ?)",
                event.zoneId(),
                event.name(),
                event.city(),
                event.province(),
                position);
    }

    @EventHandler
    void on(AnnualTargetSet event, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = seen(token, recordedAt);
        writes.write(
                "report_target",
                """
                UPDATE report_target SET superseded_position = ?
                WHERE zone_id = ? AND target_year = ? AND superseded_position IS NULL""",
                position,
                event.zoneId(),
                event.year());
        writes.write(
                "report_target",
                """
                INSERT INTO report_target (zone_id, target_year, contract_investment_cny, foreign_capital_usd,
                    project_count, recorded_position) VALUES (?, ?, ?, ?, ?, ?)""",
                event.zoneId(),
                event.year(),
                event.contractInvestmentCny(),
                event.foreignCapitalUsd(),
                event.projectCount(),
                position);
    }

    @EventHandler
    void on(ProjectSigned event, TrackingToken token, @Timestamp Instant recordedAt) {
        insertSigning(
                event.zoneId(),
                event.projectId().value(),
                event.signedOn(),
                event.contractInvestmentCny(),
                name(event.investor().top500()),
                event.industry().name(),
                event.name(),
                event.investor().name(),
                seen(token, recordedAt));
    }

    @EventHandler
    void on(SigningCorrected event, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = seen(token, recordedAt);
        String projectId = event.projectId().value();
        Signing old = writes.now()
                .sql(
                        """
                SELECT zone_id, project_name, investor_name FROM report_fact
                WHERE project_id = ? AND kind = 'SIGNING' AND superseded_position IS NULL""")
                .param(projectId)
                .query(new DataClassRowMapper<>(Signing.class))
                .single();
        supersede(projectId, FactKind.SIGNING, null, position);
        insertSigning(
                old.zoneId(),
                projectId,
                event.signedOn(),
                event.contractInvestmentCny(),
                name(event.top500()),
                event.industry().name(),
                old.projectName(),
                old.investorName(),
                position);
    }

    @EventHandler
    void on(ContractAmended event, TrackingToken token, @Timestamp Instant recordedAt) {
        insertFact(
                event.projectId().value(),
                FactKind.AMENDMENT,
                event.amendedOn(),
                event.contractInvestmentCny(),
                null,
                null,
                seen(token, recordedAt));
    }

    @EventHandler
    void on(ProjectLanded event, TrackingToken token, @Timestamp Instant recordedAt) {
        insertDated(event.projectId().value(), FactKind.LANDING, event.landedOn(), seen(token, recordedAt));
    }

    @EventHandler
    void on(ProductionStarted event, TrackingToken token, @Timestamp Instant recordedAt) {
        insertDated(event.projectId().value(), FactKind.PRODUCTION, event.startedOn(), seen(token, recordedAt));
    }

    @EventHandler
    void on(ProjectTerminated event, TrackingToken token, @Timestamp Instant recordedAt) {
        insertDated(event.projectId().value(), FactKind.TERMINATION, event.terminatedOn(), seen(token, recordedAt));
    }

    @EventHandler
    void on(CapitalArrived event, TrackingToken token, @Timestamp Instant recordedAt) {
        insertFact(
                event.projectId().value(),
                FactKind.ARRIVAL,
                event.arrivedOn(),
                event.amount(),
                event.kind().name(),
                event.arrivalId().value(),
                seen(token, recordedAt));
    }

    @EventHandler
    void on(ArrivalRetracted event, TrackingToken token, @Timestamp Instant recordedAt) {
        supersede(event.projectId().value(), FactKind.ARRIVAL, event.arrivalId().value(), seen(token, recordedAt));
    }

    @ResetHandler
    void reset() {
        zoneOfProject.invalidateAll();
        writes.empty(this);
    }

    private record Signing(String zoneId, String projectName, String investorName) {}

    /**
     * Records the event's position and recording instant (the clock that turns knownAt into a position). Each event
     * reaches one segment once: a batch that fails is rolled back with its token, and a reset empties the table.
     */
    private long seen(TrackingToken token, Instant recordedAt) {
        long position = token.position().orElseThrow();
        writes.write(
                "report_position",
                "INSERT INTO report_position (position, recorded_at) VALUES (?, ?)",
                position,
                recordedAt.atOffset(ZoneOffset.UTC));
        return position;
    }

    private void insertSigning(
            String zoneId,
            String projectId,
            LocalDate signedOn,
            BigDecimal amount,
            String top500,
            String industry,
            String projectName,
            String investorName,
            long position) {
        writes.write(
                "report_fact",
                """
                INSERT INTO report_fact (zone_id, project_id, kind, business_date, amount, top500, industry,
                    project_name, investor_name, recorded_position)
                VALUES (?, ?, 'SIGNING', ?, ?, ?, ?, ?, ?, ?)""",
                zoneId,
                projectId,
                signedOn,
                amount,
                top500,
                industry,
                projectName,
                investorName,
                position);
        zoneOfProject.put(projectId, zoneId);
        changed(zoneId, position);
    }

    /** A fact that is only a date: a landing, a start of production, a termination. */
    private void insertDated(String projectId, FactKind kind, LocalDate date, long position) {
        insertFact(projectId, kind, date, null, null, null, position);
    }

    private void insertFact(
            String projectId,
            FactKind kind,
            LocalDate date,
            BigDecimal amount,
            String capitalKind,
            String arrivalId,
            long position) {
        // a fact belongs to the zone of the project's signing; none is recorded for a project never signed
        zoneOf(projectId).ifPresent(zoneId -> {
            writes.write(
                    "report_fact",
                    """
                    INSERT INTO report_fact (zone_id, project_id, kind, business_date, amount, capital_kind, arrival_id,
                        recorded_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    zoneId,
                    projectId,
                    kind.name(),
                    date,
                    amount,
                    capitalKind,
                    arrivalId,
                    position);
            changed(zoneId, position);
        });
    }

    private void supersede(String projectId, FactKind kind, String arrivalId, long position) {
        writes.write(
                "report_fact",
                """
                UPDATE report_fact SET superseded_position = ?
                WHERE project_id = ? AND kind = ? AND superseded_position IS NULL
                  AND (CAST(? AS VARCHAR) IS NULL OR arrival_id = ?)""",
                position,
                projectId,
                kind.name(),
                arrivalId,
                arrivalId);
        zoneOf(projectId).ifPresent(zoneId -> changed(zoneId, position));
    }

    /** The zone of the project's signing (a correction keeps it); none for a project never signed. */
    private Optional<String> zoneOf(String projectId) {
        String known = zoneOfProject.getIfPresent(projectId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> zoneId = writes.now()
                .sql(
                        """
                SELECT zone_id FROM report_fact WHERE project_id = ? AND kind = 'SIGNING'
                  AND superseded_position IS NULL""")
                .param(projectId)
                .query(String.class)
                .optional();
        zoneId.ifPresent(zone -> zoneOfProject.put(projectId, zone));
        return zoneId;
    }

    /**
     * The zone's last change moves to the position. A batch of events remembers each zone's last change and writes
     * it once, when the batch is about to commit (a unit of work's resource, as {@link ReadModelWrites} batches).
     */
    private void changed(String zoneId, long position) {
        if (!CurrentUnitOfWork.isStarted()) {
            zoneChanged(zoneId, position);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        Map<String, Long> lastChange = batch.getOrComputeResource(lastChangeResource, key -> {
            Map<String, Long> changes = new HashMap<>();
            batch.onPrepareCommit(committing -> changes.forEach(this::zoneChanged));
            return changes;
        });
        lastChange.merge(zoneId, position, Math::max);
    }

    /**
     * An update, else an insert, else — when the other segment inserted the zone's row first — the update again. The
     * insert runs in a savepoint, so that its failure leaves the batch's transaction usable: no error, no retry of
     * the batch. Never moves back: the segments of the processor may handle the zone's projects out of global order,
     * and the reports only read the change at positions every segment has passed (ReportRows.head).
     */
    private void zoneChanged(String zoneId, long position) {
        if (raise(zoneId, position) == 0) {
            try {
                writes.inSavepoint(() -> writes.now()
                        .sql("INSERT INTO report_zone_change (zone_id, last_position) VALUES (?, ?)")
                        .params(zoneId, position)
                        .update());
            } catch (DuplicateKeyException otherSegmentFirst) {
                raise(zoneId, position);
            }
        }
    }

    private int raise(String zoneId, long position) {
        return writes.now()
                .sql("UPDATE report_zone_change SET last_position = GREATEST(last_position, ?) WHERE zone_id = ?")
                .params(position, zoneId)
                .update();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
