package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The arrivals of one project, read from its own events: for the page (which arrivals can still be retracted) and
 * for the aggregate's rarer rules (a retraction copies the arrival; a corrected signing date must not pass an
 * arrival; a possible duplicate id is confirmed), which it no longer keeps in its state (ArrivalFingerprints).
 * Reads from the first event, never from a snapshot: a snapshot is the aggregate's state, not its arrivals.
 */
@Component
class ProjectArrivals {

    record Arrival(String arrivalId, LocalDate arrivedOn, CapitalKind kind, BigDecimal amount, boolean retracted) {}

    private final EventStore events;

    ProjectArrivals(EventStore events) {
        this.events = events;
    }

    /** The arrivals that still count, in the order they were recorded. */
    List<Arrival> standing(String projectId) {
        return all(projectId).values().stream()
                .filter(arrival -> !arrival.retracted())
                .toList();
    }

    /** The arrival recorded under this id, retracted or not. */
    Optional<Arrival> find(String projectId, ArrivalId arrivalId) {
        return Optional.ofNullable(all(projectId).get(arrivalId.value()));
    }

    private Map<String, Arrival> all(String projectId) {
        Map<String, Arrival> arrivals = new LinkedHashMap<>();
        events.readEvents(projectId, 0).asStream().forEach(message -> {
            if (message.getPayload() instanceof CapitalArrived arrived) {
                arrivals.put(
                        arrived.arrivalId().value(),
                        new Arrival(
                                arrived.arrivalId().value(),
                                arrived.arrivedOn(),
                                arrived.kind(),
                                arrived.amount(),
                                false));
            } else if (message.getPayload() instanceof ArrivalRetracted retracted) {
                arrivals.computeIfPresent(
                        retracted.arrivalId().value(),
                        (id, arrival) -> new Arrival(id, arrival.arrivedOn(), arrival.kind(), arrival.amount(), true));
            }
        });
        return arrivals;
    }
}
