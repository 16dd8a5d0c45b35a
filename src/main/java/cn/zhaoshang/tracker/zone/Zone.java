package cn.zhaoshang.tracker.zone;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.RegisterZone;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
class Zone {

    @AggregateIdentifier
    private String zoneId;

    Zone() {}

    @CommandHandler
    Zone(RegisterZone command, KnownZones zones) {
        if (zones.exists(command.zoneId())) {
            throw new CommandRejected(
                    "开发区 %s 已存在 / zone %s already exists".formatted(command.zoneId(), command.zoneId()));
        }
        apply(new ZoneRegistered(command.zoneId(), command.name(), command.city()));
    }

    @EventSourcingHandler
    void on(ZoneRegistered event) {
        zoneId = event.zoneId();
    }
}
