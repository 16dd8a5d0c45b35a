package cn.zhaoshang.tracker.warning;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.warning.api.WarningIds;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import cn.zhaoshang.tracker.warning.api.WarningRulesSet;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A zone's warning rules (defaults until set). Red must come after yellow; setting the same rules records nothing. */
@Aggregate
class ZoneWarningRules {

    @AggregateIdentifier
    private String rulesId;

    private WarningRules rules = WarningRules.DEFAULTS;

    ZoneWarningRules() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(SetWarningRules command, KnownZones zones) {
        if (!zones.exists(command.zoneId())) {
            throw new UnknownZone(command.zoneId());
        }
        WarningRules next = command.rules();
        if (next.notLandedRedDays() <= next.notLandedYellowDays()
                || next.notInProductionRedDays() <= next.notInProductionYellowDays()) {
            throw new CommandRejected("红色预警天数须大于黄色预警天数 / red must come after yellow (more days)");
        }
        if (rulesId != null && next.equals(rules)) {
            return;
        }
        apply(new WarningRulesSet(command.zoneId(), next));
    }

    @EventSourcingHandler
    void on(WarningRulesSet event) {
        rulesId = WarningIds.ofZoneRules(event.zoneId());
        rules = event.rules();
    }
}
