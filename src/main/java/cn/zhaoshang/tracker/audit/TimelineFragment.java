package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.pages.Shown;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.UnknownProject;
import cn.zhaoshang.tracker.warning.api.WarningIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A project's history as an HTML list, without layout: the project page loads it into itself. */
@Page
class TimelineFragment {

    private final EventStore events;
    private final ArrivalLinks arrivals;

    TimelineFragment(EventStore events, ArrivalLinks arrivals) {
        this.events = events;
        this.arrivals = arrivals;
    }

    /**
     * What happened, and apart from it who recorded it, when, and why (said once); {@code counterpart}: a
     * retraction's arrival or an arrival's retraction, which the item links to.
     */
    record Item(
            long sequence,
            String type,
            String recordedAt,
            String recordedBy,
            String line,
            String reason,
            Timeline.Counterpart counterpart) {}

    @GetMapping("/projects/{id}/timeline")
    String timeline(@PathVariable String id, Locale locale, Model model) {
        List<? extends DomainEventMessage<?>> stream =
                events.readEvents(id, 0).asStream().toList();
        if (stream.isEmpty() || !(stream.get(0).getPayload() instanceof ProjectSigned)) {
            throw new UnknownProject(id);
        }
        // Warnings (履约预警) live in a stream of their own; the page shows them in the order they happened.
        List<DomainEventMessage<?>> all = new ArrayList<>(stream);
        events.readEvents(WarningIds.ofProject(id)).asStream().forEach(all::add);
        all.sort(Comparator.comparing(DomainEventMessage::getTimestamp));
        Map<String, Timeline.Counterpart> counterparts = arrivals.in(List.of(id));
        model.addAttribute(
                "items",
                all.stream()
                        .map(event -> item(event, counterparts.get(event.getIdentifier()), locale))
                        .toList());
        return "project-timeline :: timeline";
    }

    private Item item(DomainEventMessage<?> event, Timeline.Counterpart counterpart, Locale locale) {
        return new Item(
                event.getSequenceNumber(),
                event.getPayloadType().getSimpleName(),
                Shown.moment(event.getTimestamp()),
                (String) event.getMetaData().get("recordedBy"),
                EventLogPage.pick(Timeline.what(event.getPayload(), counterpart), locale),
                Timeline.reason(event.getPayload()),
                counterpart);
    }
}
