package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.pages.PageInput;
import cn.zhaoshang.tracker.pages.Shown;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.shared.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 事件日志: the whole history for auditors, paged by global position and narrowed by type, user, aggregate and
 * recording day; and one event with its payload, metadata and chain hash. Each row names the project or zone it is
 * about and says what happened in the reader's language; the stored type and sequence number are in the detail,
 * labelled. Bad input is a message on the page.
 */
@Page
class EventLogPage {

    static final int PAGE_SIZE = 50;
    private static final int LARGEST_PAGE = 500;
    private static final String DATE = "audit.log.error.date";
    private static final String POSITION = "audit.log.error.position";

    private final EventLog log;
    private final ObjectMapper json;

    EventLogPage(EventLog log, ObjectMapper json) {
        this.log = log;
        this.json = json;
    }

    /**
     * One line of the page, in the reader's language; {@code subject} is the project or zone it is about (null for
     * an event about neither) and {@code what} says what happened, without the reason, which has its own place.
     * {@code link} leads from a retraction to the arrival it withdraws and back.
     */
    record Row(
            long position,
            String recordedAt,
            String recordedBy,
            String type,
            String aggregateId,
            Subject subject,
            String what,
            String reason,
            boolean chained,
            Link link) {}

    /** The event at {@code position} that this one withdraws ({@code retracts}) or that withdraws this one. */
    record Link(long position, boolean retracts) {

        static Link of(EventLog.Logged logged) {
            Timeline.Counterpart counterpart = logged.counterpart();
            return counterpart == null
                    ? null
                    : new Link(
                            counterpart.position(),
                            ArrivalRetracted.class
                                    .getSimpleName()
                                    .equals(logged.entry().type()));
        }
    }

    /** A project or zone by its name, or by its id when its first event is not (yet) in the store. */
    record Subject(boolean project, String id, String name) {}

    /** The filter as typed, to show it again in the form. */
    record Form(String type, String by, String aggregate, String from, String to, Integer size) {}

    @GetMapping("/audit/events")
    String events(
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String aggregate,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String before,
            @RequestParam(required = false) String size,
            Locale locale,
            Model model,
            HttpServletResponse response,
            Reach reach) {
        String typeGiven = Text.stripped(type);
        String fromGiven = Text.stripped(from);
        String toGiven = Text.stripped(to);
        PageInput input = new PageInput();
        input.require(typeGiven == null || EventLog.TYPES.contains(typeGiven), "audit.log.error.type");
        LocalDate fromDay = input.parsed(fromGiven, LocalDate::parse, DATE);
        LocalDate toDay = input.parsed(toGiven, LocalDate::parse, DATE);
        input.require(fromDay == null || toDay == null || !fromDay.isAfter(toDay), "audit.log.error.range");
        Long afterPosition = input.number(after, 0, Long.MAX_VALUE, POSITION);
        Long beforePosition = input.number(before, 0, Long.MAX_VALUE, POSITION);
        Long sizeChosen = input.number(size, 1, LARGEST_PAGE, "audit.log.error.size");
        Form form = new Form(
                typeGiven,
                Text.stripped(by),
                Text.stripped(aggregate),
                fromGiven,
                toGiven,
                sizeChosen == null ? null : sizeChosen.intValue());
        model.addAttribute("form", form);
        model.addAttribute("types", EventLog.TYPES);
        if (!input.valid()) {
            model.addAttribute("rows", List.of());
            return input.refused("audit-events", model, response);
        }
        int pageSize = sizeChosen == null ? PAGE_SIZE : sizeChosen.intValue();
        EventLog.Filter filter = new EventLog.Filter(form.type(), form.by(), form.aggregate(), fromDay, toDay, reach);
        List<EventLog.Logged> page =
                log.page(filter, afterPosition == null ? 0 : afterPosition, beforePosition, pageSize);
        Map<EventLog.Subject, String> names =
                log.names(page.stream().map(EventLog.Logged::subject).toList());
        model.addAttribute(
                "rows", page.stream().map(logged -> row(logged, names, locale)).toList());
        if (!page.isEmpty()) {
            long first = page.get(0).entry().position();
            long last = page.get(page.size() - 1).entry().position();
            if (log.any(filter, 0, first)) {
                model.addAttribute("firstUrl", link(form, null, null));
                model.addAttribute("previousUrl", link(form, null, first));
            }
            if (log.any(filter, last, null)) {
                model.addAttribute("nextUrl", link(form, last, null));
                model.addAttribute("latestUrl", link(form, null, Long.MAX_VALUE));
            }
        } else if (afterPosition != null || beforePosition != null) {
            model.addAttribute("firstUrl", link(form, null, null));
        }
        return "audit-events";
    }

    /** Everything stored about one event; {@code sequence} is the stored number, counted from 0. */
    record Detail(
            long position,
            String recordedAt,
            String recordedAtUtc,
            String recordedBy,
            String type,
            String payloadType,
            String aggregateId,
            Subject subject,
            long sequence,
            String eventIdentifier,
            String reason,
            String line,
            String payload,
            String metaData,
            String hash,
            Link link) {}

    @GetMapping("/audit/events/{position}")
    String event(@PathVariable String position, Locale locale, Model model, HttpServletResponse response, Reach reach) {
        Long at = new PageInput().number(position, 0, Long.MAX_VALUE, POSITION);
        if (at == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("status", 400);
            return "error";
        }
        return log.at(at, reach)
                .map(logged -> {
                    model.addAttribute("event", detail(logged, log.names(List.of(logged.subject())), locale));
                    model.addAttribute("logUrl", link(new Form(null, null, null, null, null, null), at - 1, null));
                    return "audit-event";
                })
                .orElseGet(() -> {
                    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                    model.addAttribute("status", 404);
                    return "error";
                });
    }

    private Row row(EventLog.Logged logged, Map<EventLog.Subject, String> names, Locale locale) {
        EventLog.Entry entry = logged.entry();
        return new Row(
                entry.position(),
                Shown.moment(entry.recordedAt()),
                entry.recordedBy(),
                entry.type(),
                entry.aggregateId(),
                subject(logged.subject(), names),
                logged.what() == null ? null : pick(logged.what(), locale),
                entry.reason(),
                entry.hash() != null,
                Link.of(logged));
    }

    private static Subject subject(EventLog.Subject subject, Map<EventLog.Subject, String> names) {
        if (subject.id() == null) {
            return null;
        }
        return new Subject(
                subject.kind() == EventLog.Subject.Kind.PROJECT,
                subject.id(),
                names.getOrDefault(subject, subject.id()));
    }

    private Detail detail(EventLog.Logged logged, Map<EventLog.Subject, String> names, Locale locale) {
        EventLog.Entry entry = logged.entry();
        return new Detail(
                entry.position(),
                Shown.moment(entry.recordedAt()),
                entry.stored().timeStamp(),
                entry.recordedBy(),
                entry.type(),
                entry.stored().payloadType(),
                entry.aggregateId(),
                subject(logged.subject(), names),
                entry.sequence(),
                entry.stored().eventIdentifier(),
                entry.reason(),
                logged.line() == null ? null : pick(logged.line(), locale),
                pretty(entry.payload()),
                pretty(logged.metaData()),
                entry.hash(),
                Link.of(logged));
    }

    static String pick(Timeline.Line line, Locale locale) {
        return "en".equals(locale.getLanguage()) ? line.en() : line.zh();
    }

    private String pretty(JsonNode node) {
        if (node == null) {
            return null;
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String link(Form form, Long after, Long before) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/audit/events");
        add(link, "type", form.type());
        add(link, "by", form.by());
        add(link, "aggregate", form.aggregate());
        add(link, "from", form.from());
        add(link, "to", form.to());
        add(link, "size", form.size());
        add(link, "after", after);
        add(link, "before", before);
        return link.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder link, String name, Object value) {
        if (value != null) {
            link.queryParam(name, value);
        }
    }
}
