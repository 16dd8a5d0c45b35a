package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.pages.PageInput;
import cn.zhaoshang.tracker.pages.Shown;
import cn.zhaoshang.tracker.shared.BusinessDate;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.shared.RecordedEvent;
import cn.zhaoshang.tracker.shared.RecordedEvents;
import cn.zhaoshang.tracker.shared.Text;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 今昔对比: a zone's year as it was known at a chosen instant beside the same report known now. Every figure that
 * differs is linked to the events recorded in between that can have moved it. Bad input is a message on the page.
 */
@Page
class ThenAndNowPage {

    private final Reports reports;
    private final ReportRows rows;
    private final RecordedEvents events;
    private final ReportPageChoices choices;

    ThenAndNowPage(Reports reports, ReportRows rows, RecordedEvents events, ReportPageChoices choices) {
        this.reports = reports;
        this.rows = rows;
        this.events = events;
        this.choices = choices;
    }

    record Form(String zone, String year, String asOf, String knownAt) {}

    /**
     * An event behind a difference, as the page links it; {@code subject} names its project (or zone) when its line
     * does not, so that a landing or an arrival among a figure's causes says whose it was.
     */
    record Cause(long position, String recordedAt, String recordedBy, String subject, String line) {}

    @GetMapping("/audit/then-and-now")
    String page(
            @RequestParam(required = false) String zone,
            @RequestParam(required = false) String year,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            Locale locale,
            Model model,
            HttpServletResponse response,
            Reach reach) {
        ReportPoint current = reports.point(null, null, null);
        List<ReportRows.Zone> zones = reports.zones(current, reach);
        String zoneGiven = Text.stripped(zone);
        String yearGiven = Text.stripped(year);
        Form form = new Form(
                zoneGiven == null ? choices.zone(zones) : zoneGiven,
                yearGiven == null ? String.valueOf(choices.year()) : yearGiven,
                Text.stripped(asOf),
                Text.stripped(knownAt));
        model.addAttribute("form", form);
        model.addAttribute("zones", zones);
        model.addAttribute("years", choices.years());
        if (form.knownAt() == null) {
            return "then-and-now";
        }
        PageInput input = new PageInput();
        input.require(form.zone() != null && form.zone().matches("[a-z0-9-]{1,40}"), "thenNow.error.zone");
        Long yearRead = input.number(form.year(), 1990, 2100, "thenNow.error.year");
        LocalDate businessDate = input.parsed(form.asOf(), LocalDate::parse, "thenNow.error.asOf");
        // datetime-local gives "2024-01-05T00:00" (seconds optional), read as Beijing time
        Instant instant = input.parsed(
                form.knownAt(),
                text -> LocalDateTime.parse(text).atZone(BusinessDate.CHINA).toInstant(),
                "thenNow.error.knownAt");
        if (!input.valid()) {
            return input.refused("then-and-now", model, response);
        }
        int chosenYear = yearRead.intValue();
        ReportPoint nowPoint = reports.point(businessDate, null, null);
        ZoneYearViews now;
        try {
            now = reports.views(form.zone(), chosenYear, nowPoint);
        } catch (UnknownZone unknown) {
            return PageInput.refused("then-and-now", model, response, List.of("thenNow.error.unknownZone"));
        }
        ZoneYearViews then;
        try {
            then = reports.views(form.zone(), chosenYear, reports.point(businessDate, instant, null));
        } catch (UnknownZone notYet) {
            then = null;
        }
        long thenPosition = then == null || then.report().position() == null
                ? 0
                : then.report().position();
        long nowPosition = now.report().position() == null ? 0 : now.report().position();
        List<ReportDifferences.Changed> changes = thenPosition >= nowPosition
                ? List.of()
                : ReportDifferences.changed(
                        rows.changes(form.zone(), now.from(), now.until(), now.asOf(), thenPosition, nowPosition),
                        rows.targetChanges(form.zone(), chosenYear, thenPosition, nowPosition),
                        thenPosition,
                        nowPosition,
                        now.from(),
                        now.until());
        List<ReportDifferences.Row> compared = ReportDifferences.of(then, now, changes);
        TreeSet<Long> positions = new TreeSet<>();
        compared.forEach(row -> positions.addAll(row.positions()));
        Map<Long, Cause> causes = new LinkedHashMap<>();
        for (RecordedEvent event : events.at(positions)) {
            causes.put(event.position(), cause(event, locale));
        }
        model.addAttribute("then", then == null ? null : then.report());
        model.addAttribute("now", now.report());
        model.addAttribute("views", now);
        model.addAttribute("thenPosition", thenPosition);
        model.addAttribute("knownAtShown", Shown.moment(instant));
        model.addAttribute("rows", compared);
        model.addAttribute("causes", causes);
        model.addAttribute("differs", compared.stream().anyMatch(ReportDifferences.Row::differs));
        return "then-and-now";
    }

    private static Cause cause(RecordedEvent event, Locale locale) {
        String line = event.line(locale);
        return new Cause(
                event.position(),
                Shown.moment(event.recordedAt()),
                event.recordedBy(),
                event.subjectUnlessIn(line),
                line);
    }
}
