package cn.zhaoshang.tracker.zone;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.RegisterZone;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import java.util.Optional;
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
    Zone(RegisterZone command, KnownZones zones, CityProvinces provinces) {
        if (zones.exists(command.zoneId())) {
            throw new CommandRejected(
                    "开发区 %s 已存在 / zone %s already exists".formatted(command.zoneId(), command.zoneId()));
        }
        Optional<String> province = provinces.hold(command.city());
        if (province.isPresent() && !province.get().equals(command.province())) {
            throw new CommandRejected("城市 %s 属于省份 %s，不能登记在省份 %s 下 / city %s belongs to province %s, not %s"
                    .formatted(
                            command.city(),
                            province.get(),
                            command.province(),
                            command.city(),
                            province.get(),
                            command.province()));
        }
        apply(new ZoneRegistered(command.zoneId(), command.name(), command.city(), command.province()));
    }

    @EventSourcingHandler
    void on(ZoneRegistered event) {
        zoneId = event.zoneId();
    }
}
