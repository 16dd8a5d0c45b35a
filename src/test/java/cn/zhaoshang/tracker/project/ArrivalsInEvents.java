package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * {@link ProjectArrivals} read from a project's own events, from its first: what the table the application keeps
 * ({@link ArrivalTable}) must always agree with. The given-when-then tests give the aggregate this one, over the
 * fixture's event store.
 */
final class ArrivalsInEvents implements ProjectArrivals {

    private final EventStore events;

    ArrivalsInEvents(EventStore events) {
        this.events = events;
    }

    @Override
    public List<Arrival> standing(String projectId) {
        return all(projectId).values().stream()
                .filter(arrival -> !arrival.retracted())
                .toList();
    }

    @Override
    public Optional<Arrival> find(String projectId, ArrivalId arrivalId) {
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
