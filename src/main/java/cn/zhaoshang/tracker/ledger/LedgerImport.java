package cn.zhaoshang.tracker.ledger;

import cn.zhaoshang.tracker.platform.AggregateLocks;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.GetProject;
import cn.zhaoshang.tracker.project.api.Investor;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.RecordCapitalArrival;
import cn.zhaoshang.tracker.project.api.RecordLanding;
import cn.zhaoshang.tracker.project.api.RecordProductionStart;
import cn.zhaoshang.tracker.project.api.SignProject;
import cn.zhaoshang.tracker.project.api.SignedProjects;
import cn.zhaoshang.tracker.project.api.SigningKey;
import cn.zhaoshang.tracker.project.api.TerminateProject;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.shared.OutsideScope;
import cn.zhaoshang.tracker.shared.Reach;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each row's commands — signing, arrivals, landing, production, termination — in one transaction for the
 * whole file: any rejected row rolls everything back, and a dry run always rolls back. A row is the project already
 * recorded under its zone, name and signing date (whoever recorded it: the API, the pages or an earlier import), and
 * then records nothing and is not read further: importing a file again, or a ledger export, records nothing new. A
 * new project's id is derived from the same three, so that the id stays the same for every import of the row.
 */
@Component
class LedgerImport {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final SignedProjects signed;
    private final AggregateLocks locks;
    private final TransactionTemplate transactions;

    LedgerImport(
            CommandGateway commands,
            QueryGateway queries,
            SignedProjects signed,
            AggregateLocks locks,
            TransactionTemplate transactions) {
        this.commands = commands;
        this.queries = queries;
        this.signed = signed;
        this.locks = locks;
        this.transactions = transactions;
    }

    enum Status {
        NEW,
        ALREADY_RECORDED,
        REJECTED
    }

    /** {@code projectId}: the recorded project's for ALREADY_RECORDED, else the one the row's project gets. */
    record Outcome(int row, String projectId, String name, Status status) {}

    /** {@code recorded}: whether the rows were stored (never on a dry run, never with errors). */
    record Report(
            boolean dryRun,
            boolean recorded,
            int rows,
            int newProjects,
            int alreadyRecorded,
            List<Outcome> outcomes,
            List<RowProblem> errors) {}

    static ProjectId projectId(LedgerRow row) {
        String key = "ledger|" + row.zoneId() + "|" + row.name() + "|" + row.signedOn();
        return ProjectId.of(
                UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** Rows of zones outside {@code reach} are refused like any other faulty row, before anything is looked up. */
    Report run(LedgerReader.Result read, boolean dryRun, Reach reach) {
        return transactions.execute(status -> {
            holdKeys(read.rows());
            List<RowProblem> errors = new ArrayList<>(read.problems());
            List<Outcome> outcomes = new ArrayList<>();
            Map<SigningKey, Integer> seen = new HashMap<>();
            for (LedgerRow row : read.rows()) {
                ProjectId id = projectId(row);
                Integer earlier = seen.putIfAbsent(row.key(), row.row());
                if (earlier != null) {
                    errors.add(new RowProblem(
                            row.row(),
                            Column.NAME.header,
                            "与第%d行是同一项目（开发区、项目名称、签约日期相同）/ same project as row %d".formatted(earlier, earlier)));
                    outcomes.add(new Outcome(row.row(), id.value(), row.name(), Status.REJECTED));
                    continue;
                }
                if (!reach.seesZone(row.zoneId())) {
                    errors.add(
                            new RowProblem(row.row(), Column.ZONE.header, new OutsideScope(row.zoneId()).getMessage()));
                    outcomes.add(new Outcome(row.row(), id.value(), row.name(), Status.REJECTED));
                    continue;
                }
                ProjectId recorded = recorded(row, id);
                if (recorded != null) {
                    outcomes.add(new Outcome(row.row(), recorded.value(), row.name(), Status.ALREADY_RECORDED));
                } else if (!row.problems().isEmpty()) {
                    errors.addAll(row.problems());
                    outcomes.add(new Outcome(row.row(), id.value(), row.name(), Status.REJECTED));
                } else {
                    RowProblem problem = record(id, row);
                    if (problem != null) {
                        errors.add(problem);
                    }
                    outcomes.add(new Outcome(
                            row.row(), id.value(), row.name(), problem == null ? Status.NEW : Status.REJECTED));
                }
            }
            boolean recorded = !dryRun && errors.isEmpty();
            if (!recorded) {
                status.setRollbackOnly();
            }
            errors.sort(Comparator.comparingInt(RowProblem::row));
            return new Report(
                    dryRun,
                    recorded,
                    read.rows().size()
                            + (int) read.problems().stream()
                                    .map(RowProblem::row)
                                    .distinct()
                                    .count(),
                    (int) outcomes.stream()
                            .filter(o -> o.status() == Status.NEW)
                            .count(),
                    (int) outcomes.stream()
                            .filter(o -> o.status() == Status.ALREADY_RECORDED)
                            .count(),
                    outcomes,
                    errors);
        });
    }

    /**
     * Every row's signing key, held to the end of the file's transaction (ADR 0022): a signing of the same project
     * through the API or the pages waits for the import, or the import for it, and the later one finds the other's.
     * All of them before the first append, in one order: the import holds the append lock from its first append to
     * its end, and a signing holding its key may be waiting for that lock.
     */
    private void holdKeys(List<LedgerRow> rows) {
        rows.stream().map(row -> row.key().lockName()).sorted().distinct().forEach(locks::hold);
    }

    /**
     * The project already recorded for the row: signed under its key, or imported before under the id derived from
     * it (its signing date corrected since). Null when the row is a new project.
     */
    private ProjectId recorded(LedgerRow row, ProjectId derived) {
        List<ProjectId> same = signed.signedAs(row.key());
        if (!same.isEmpty()) {
            return same.contains(derived) ? derived : same.get(0);
        }
        return exists(derived) ? derived : null;
    }

    private boolean exists(ProjectId id) {
        return queries.query(new GetProject(id.value()), ResponseTypes.optionalInstanceOf(GetProject.Result.class))
                .join()
                .isPresent();
    }

    /** The row's commands in the order the facts happened; the first one refused is the row's problem. */
    private RowProblem record(ProjectId id, LedgerRow row) {
        Column at = Column.ZONE;
        try {
            commands.sendAndWait(new SignProject(
                    id,
                    row.zoneId(),
                    row.name(),
                    new Investor(row.investor(), row.country(), row.top500()),
                    row.industry(),
                    row.signedOn(),
                    row.contractInvestmentCny(),
                    row.expectedAnnualTaxCny(),
                    row.landAreaMu()));
            at = Column.FOREIGN_ON;
            arrival(id, "FOREIGN", row.foreignArrivedOn(), CapitalKind.FOREIGN, row.foreignCapitalUsd());
            at = Column.DOMESTIC_ON;
            arrival(id, "DOMESTIC", row.domesticArrivedOn(), CapitalKind.DOMESTIC, row.domesticCapitalCny());
            if (row.landedOn() != null) {
                at = Column.LANDED_ON;
                commands.sendAndWait(new RecordLanding(id, row.landedOn(), null));
            }
            if (row.startedOn() != null) {
                at = Column.STARTED_ON;
                commands.sendAndWait(new RecordProductionStart(id, row.startedOn(), null));
            }
            if (row.terminatedOn() != null) {
                at = Column.TERMINATED_ON;
                commands.sendAndWait(new TerminateProject(id, row.terminatedOn(), row.terminationReason(), null));
            }
            return null;
        } catch (CommandRejected | NotFound refused) {
            return new RowProblem(row.row(), at.header, refused.getMessage());
        }
    }

    private void arrival(ProjectId id, String kindKey, LocalDate on, CapitalKind kind, BigDecimal amount) {
        if (amount != null) {
            ArrivalId arrivalId =
                    ArrivalId.of(UUID.nameUUIDFromBytes((id + "|" + kindKey).getBytes(StandardCharsets.UTF_8))
                            .toString());
            commands.sendAndWait(new RecordCapitalArrival(id, arrivalId, on, kind, amount, null));
        }
    }
}
