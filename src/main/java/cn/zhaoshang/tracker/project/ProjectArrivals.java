package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** The arrivals of one project that still count, read from its own events, so the page can offer to retract one. */
@Component
class ProjectArrivals {

    record Arrival(String arrivalId, LocalDate arrivedOn, CapitalKind kind, BigDecimal amount) {}

    private final EventStore events;

    ProjectArrivals(EventStore events) {
        this.events = events;
    }

    List<Arrival> standing(String projectId) {
        Map<String, Arrival> arrivals = new LinkedHashMap<>();
        events.readEvents(projectId).asStream().forEach(message -> {
            if (message.getPayload() instanceof CapitalArrived arrived) {
                arrivals.put(
                        arrived.arrivalId().value(),
                        new Arrival(
                                arrived.arrivalId().value(), arrived.arrivedOn(), arrived.kind(), arrived.amount()));
            } else if (message.getPayload() instanceof ArrivalRetracted retracted) {
                arrivals.remove(retracted.arrivalId().value());
            }
        });
        return new ArrayList<>(arrivals.values());
    }
}
