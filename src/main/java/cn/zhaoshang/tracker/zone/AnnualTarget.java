package cn.zhaoshang.tracker.zone;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.zhaoshang.tracker.zone.api.AnnualTargetId;
import cn.zhaoshang.tracker.zone.api.AnnualTargetSet;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.SetAnnualTarget;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import java.math.BigDecimal;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A zone's targets for one year. Setting the same figures again records nothing. */
@Aggregate
class AnnualTarget {

    @AggregateIdentifier
    private String targetId;

    private BigDecimal contractInvestmentCny;
    private BigDecimal foreignCapitalUsd;
    private Integer projectCount;

    AnnualTarget() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetAnnualTarget command, KnownZones zones) {
        if (!zones.exists(command.zoneId())) {
            throw new UnknownZone(command.zoneId());
        }
        if (targetId != null && sameFigures(command)) {
            return;
        }
        apply(new AnnualTargetSet(
                command.zoneId(),
                command.year(),
                command.contractInvestmentCny(),
                command.foreignCapitalUsd(),
                command.projectCount()));
    }

    private boolean sameFigures(SetAnnualTarget command) {
        return sameAmount(contractInvestmentCny, command.contractInvestmentCny())
                && sameAmount(foreignCapitalUsd, command.foreignCapitalUsd())
                && Objects.equals(projectCount, command.projectCount());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @EventSourcingHandler
    void on(AnnualTargetSet event) {
        targetId = AnnualTargetId.of(event.zoneId(), event.year());
        contractInvestmentCny = event.contractInvestmentCny();
        foreignCapitalUsd = event.foreignCapitalUsd();
        projectCount = event.projectCount();
    }
}
