package cn.zhaoshang.tracker.project;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.zhaoshang.tracker.project.api.AmendContract;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.AttachEvidence;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.ContractAmended;
import cn.zhaoshang.tracker.project.api.CorrectSigning;
import cn.zhaoshang.tracker.project.api.DuplicateSigning;
import cn.zhaoshang.tracker.project.api.EvidenceAttached;
import cn.zhaoshang.tracker.project.api.ExpectsVersion;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.ProductionStarted;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.RecordCapitalArrival;
import cn.zhaoshang.tracker.project.api.RecordLanding;
import cn.zhaoshang.tracker.project.api.RecordProductionStart;
import cn.zhaoshang.tracker.project.api.RetractArrival;
import cn.zhaoshang.tracker.project.api.SignProject;
import cn.zhaoshang.tracker.project.api.SigningCorrected;
import cn.zhaoshang.tracker.project.api.Stage;
import cn.zhaoshang.tracker.project.api.TerminateProject;
import cn.zhaoshang.tracker.project.api.Top500;
import cn.zhaoshang.tracker.project.api.UnknownArrival;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.StaleVersion;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One attracted project from signing (签约) to production (投产) or termination (终止). Its fields are its snapshot
 * (Jackson, by field); the revision changes whenever they do, so older snapshots are ignored, not misread.
 *
 * <p>It keeps none of its arrivals, so that its snapshot stays a few hundred bytes however many arrivals a project
 * receives (ADR 0016): the commands that need them (an id must not be taken; a retraction
 * copies the arrival; a corrected signing date must not pass a standing arrival) look them up in
 * {@link ProjectArrivals} within the command's transaction. Revision 2 kept a fingerprint of every arrival id.
 */
@Aggregate(snapshotTriggerDefinition = "projectSnapshotTrigger")
@Revision("3")
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class InvestmentProject {

    @AggregateIdentifier
    private ProjectId projectId;

    private Stage stage;
    private LocalDate signedOn;
    private LocalDate landedOn;
    private BigDecimal signedInvestmentCny;
    private BigDecimal contractInvestmentCny;
    private boolean amended;
    private Top500 top500;
    private Industry industry;
    /** The earliest landing, production, amendment or termination date; arrivals are in {@link ProjectArrivals}. */
    private LocalDate earliestFact;

    InvestmentProject() {}

    /**
     * A signing under a key that projects already have is most likely the same project recorded twice (a form sent
     * again, a script run again): refused unless it names each of them as a different project.
     */
    @CommandHandler
    InvestmentProject(SignProject command, KnownZones zones, SigningKeys signings) {
        if (!zones.exists(command.zoneId())) {
            throw new UnknownZone(command.zoneId());
        }
        List<ProjectId> same = signings.hold(command.signingKey());
        if (!command.distinctFrom().containsAll(same)) {
            throw new DuplicateSigning(command.signingKey(), same);
        }
        apply(new ProjectSigned(
                command.projectId(),
                command.zoneId(),
                command.name(),
                command.investor(),
                command.industry(),
                command.signedOn(),
                command.contractInvestmentCny(),
                command.expectedAnnualTaxCny(),
                command.landAreaMu()));
    }

    @CommandHandler
    void handle(RecordLanding command) {
        if (stage != Stage.SIGNED) {
            throw new CommandRejected(
                    "只有已签约（未落地）的项目才能登记落地，当前阶段 %s / only a SIGNED project can land; it is %s".formatted(stage, stage));
        }
        notBefore(command.landedOn(), signedOn, "落地日期早于签约日期 / landedOn is before signedOn");
        apply(new ProjectLanded(projectId, command.landedOn()));
    }

    @CommandHandler
    void handle(RecordProductionStart command) {
        if (stage != Stage.LANDED) {
            throw new CommandRejected("只有已落地的项目才能登记投产，当前阶段 %s / only a LANDED project can start production; it is %s"
                    .formatted(stage, stage));
        }
        notBefore(command.startedOn(), landedOn, "投产日期早于落地日期 / startedOn is before landedOn");
        apply(new ProductionStarted(projectId, command.startedOn()));
    }

    @CommandHandler
    ArrivalId handle(RecordCapitalArrival command, ProjectArrivals arrivals) {
        notTerminated("项目已终止，不能再登记到位资金 / project is terminated: no capital can arrive");
        notBefore(command.arrivedOn(), signedOn, "到位日期早于签约日期 / arrivedOn is before signedOn");
        if (arrivals.find(projectId.value(), command.arrivalId()).isPresent()) {
            throw new CommandRejected(
                    "到位资金记录 %s 已存在 / arrival %s already recorded".formatted(command.arrivalId(), command.arrivalId()));
        }
        apply(new CapitalArrived(
                projectId, command.arrivalId(), command.arrivedOn(), command.kind(), command.amount()));
        return command.arrivalId();
    }

    @CommandHandler
    void handle(RetractArrival command, ProjectArrivals arrivals) {
        ProjectArrivals.Arrival arrival = arrivals.find(projectId.value(), command.arrivalId())
                .orElseThrow(() -> new UnknownArrival(command.arrivalId()));
        if (arrival.retracted()) {
            throw new CommandRejected("该笔到位资金已撤销 / arrival %s was already retracted".formatted(command.arrivalId()));
        }
        apply(new ArrivalRetracted(
                projectId,
                command.arrivalId(),
                arrival.arrivedOn(),
                arrival.kind(),
                arrival.amount(),
                command.reason()));
    }

    @CommandHandler
    void handle(AmendContract command) {
        notTerminated("项目已终止，不能变更合同 / project is terminated: the contract cannot be amended");
        notBefore(command.amendedOn(), signedOn, "变更日期早于签约日期 / amendedOn is before signedOn");
        if (command.contractInvestmentCny().compareTo(contractInvestmentCny) == 0) {
            throw new CommandRejected("合同投资额未变化，不是增资或减资 / the contracted investment is already %s: not a change"
                    .formatted(contractInvestmentCny.toPlainString()));
        }
        apply(new ContractAmended(
                projectId,
                command.amendedOn(),
                command.contractInvestmentCny(),
                contractInvestmentCny,
                command.reason()));
    }

    @CommandHandler
    void handle(CorrectSigning command, ProjectArrivals arrivals) {
        LocalDate newSignedOn = Objects.requireNonNullElse(command.signedOn(), signedOn);
        BigDecimal newInvestment = Objects.requireNonNullElse(command.contractInvestmentCny(), signedInvestmentCny);
        Top500 newTop500 = command.top500() == null ? top500 : command.top500().orElse(null);
        Industry newIndustry = Objects.requireNonNullElse(command.industry(), industry);
        if (newSignedOn.equals(signedOn)
                && newInvestment.compareTo(signedInvestmentCny) == 0
                && newTop500 == top500
                && newIndustry == industry) {
            throw new CommandRejected("更正内容与现有签约信息相同 / the correction changes nothing");
        }
        LocalDate earliestLaterFact = earliestLaterFact(arrivals);
        if (earliestLaterFact != null && newSignedOn.isAfter(earliestLaterFact)) {
            throw new CommandRejected(
                    "更正后的签约日期晚于已登记的落地、到位、变更或终止日期 %s / corrected signedOn is after a later fact dated %s"
                            .formatted(earliestLaterFact, earliestLaterFact));
        }
        apply(new SigningCorrected(
                projectId,
                newSignedOn,
                newInvestment,
                newTop500,
                newIndustry,
                signedOn,
                signedInvestmentCny,
                top500,
                industry,
                command.reason()));
    }

    @CommandHandler
    void handle(TerminateProject command) {
        if (stage != Stage.SIGNED && stage != Stage.LANDED) {
            throw new CommandRejected(
                    "只有已签约或已落地的项目才能终止，当前阶段 %s / only a SIGNED or LANDED project can be terminated; it is %s"
                            .formatted(stage, stage));
        }
        notBefore(command.terminatedOn(), signedOn, "终止日期早于签约日期 / terminatedOn is before signedOn");
        if (landedOn != null) {
            notBefore(command.terminatedOn(), landedOn, "终止日期早于落地日期 / terminatedOn is before landedOn");
        }
        apply(new ProjectTerminated(projectId, command.terminatedOn(), command.reason()));
    }

    /**
     * A voucher may support any event the project already has, its termination included (the termination's
     * documents often arrive last); it changes no fact, so it is accepted in every stage.
     */
    @CommandHandler
    void handle(AttachEvidence command) {
        long last = Optional.ofNullable(AggregateLifecycle.getVersion()).orElse(-1L);
        if (command.attachedTo() < 0 || command.attachedTo() > last) {
            throw new CommandRejected("项目没有序号为 %d 的事件（现有 0 至 %d）/ the project has no event %d (it has 0 to %d)"
                    .formatted(command.attachedTo(), last, command.attachedTo(), last));
        }
        apply(new EvidenceAttached(
                projectId,
                command.sha256(),
                command.fileName(),
                command.mediaType(),
                command.sizeBytes(),
                command.attachedTo(),
                command.note()));
    }

    /**
     * Every command that may carry the caller's version is checked here, before its handler: a stale If-Match is a
     * 412 even when the command would also break a rule. Axon's {@code @TargetAggregateVersion} would not do: it
     * checks only after the handler ran, and accepts a version from the future.
     */
    @CommandHandlerInterceptor
    void expectVersion(ExpectsVersion command) {
        long actual = Optional.ofNullable(AggregateLifecycle.getVersion()).orElse(-1L);
        Long expected = command.expectedVersion();
        if (expected != null && expected != actual) {
            throw new StaleVersion(expected, actual);
        }
    }

    private void notTerminated(String message) {
        if (stage == Stage.TERMINATED) {
            throw new CommandRejected(message);
        }
    }

    private static void notBefore(LocalDate date, LocalDate earliest, String message) {
        if (date.isBefore(earliest)) {
            throw new CommandRejected(message);
        }
    }

    /** The earliest date of anything that happened after the signing; a retracted arrival never happened. */
    private LocalDate earliestLaterFact(ProjectArrivals arrivals) {
        return Stream.concat(
                        Stream.ofNullable(earliestFact),
                        arrivals.standing(projectId.value()).stream().map(ProjectArrivals.Arrival::arrivedOn))
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    private void dated(LocalDate fact) {
        if (earliestFact == null || fact.isBefore(earliestFact)) {
            earliestFact = fact;
        }
    }

    @EventSourcingHandler
    void on(ProjectSigned event) {
        projectId = event.projectId();
        stage = Stage.SIGNED;
        signedOn = event.signedOn();
        signedInvestmentCny = event.contractInvestmentCny();
        contractInvestmentCny = event.contractInvestmentCny();
        top500 = event.investor().top500();
        industry = event.industry();
    }

    @EventSourcingHandler
    void on(ProjectLanded event) {
        stage = Stage.LANDED;
        landedOn = event.landedOn();
        dated(event.landedOn());
    }

    @EventSourcingHandler
    void on(ProductionStarted event) {
        stage = Stage.IN_PRODUCTION;
        dated(event.startedOn());
    }

    @EventSourcingHandler
    void on(ContractAmended event) {
        contractInvestmentCny = event.contractInvestmentCny();
        amended = true;
        dated(event.amendedOn());
    }

    @EventSourcingHandler
    void on(SigningCorrected event) {
        signedOn = event.signedOn();
        signedInvestmentCny = event.contractInvestmentCny();
        if (!amended) {
            contractInvestmentCny = event.contractInvestmentCny();
        }
        top500 = event.top500();
        industry = event.industry();
    }

    @EventSourcingHandler
    void on(ProjectTerminated event) {
        stage = Stage.TERMINATED;
        dated(event.terminatedOn());
    }
}
