package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.shared.WrittenFigures;
import cn.zhaoshang.tracker.shared.ZoneYearSnapshots;
import cn.zhaoshang.tracker.submission.api.SubmissionStatus;
import cn.zhaoshang.tracker.zone.api.ListZones;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 月度报送, the bureau's page of a zone: its submissions with their reviews and drift, and a month's figures previewed
 * as of its last day, with the dashboard's names and 口径, before the confirm button freezes them. An accepted month
 * is restated with a reason. The form sends the API's command through {@link SubmissionActions}; a rule's refusal is a
 * message on the page (409), bad input a message beside its field (400).
 */
@Page
class ZoneSubmissionsPage {

    private static final String YEAR = "{form.year}";
    private static final String MONTH = "{form.month}";

    /** A month to be submitted, its figures as they would be frozen now, and what stands in its way. */
    record Preview(
            int year,
            int month,
            LocalDate asOf,
            List<WrittenFigures.Figure> figures,
            boolean ended,
            boolean underReview,
            boolean restating) {}

    private final SubmissionActions actions;
    private final SubmissionViews views;
    private final SubmissionWarnings warnings;
    private final SubmissionBook book;
    private final ZoneYearSnapshots snapshots;
    private final WrittenFigures written;
    private final ZoneNames zones;
    private final PageMonths months;
    private final Clock clock;

    ZoneSubmissionsPage(
            SubmissionActions actions,
            SubmissionViews views,
            SubmissionWarnings warnings,
            SubmissionBook book,
            ZoneYearSnapshots snapshots,
            WrittenFigures written,
            ZoneNames zones,
            PageMonths months,
            Clock clock) {
        this.actions = actions;
        this.views = views;
        this.warnings = warnings;
        this.book = book;
        this.snapshots = snapshots;
        this.written = written;
        this.zones = zones;
        this.months = months;
        this.clock = clock;
    }

    /** The nav's 月度报送: the page of the first zone in reach (a bureau has one), or a page saying there is none. */
    @GetMapping("/submissions")
    String mine(Model model, Reach reach) {
        return reach.zones().stream()
                .sorted()
                .findFirst()
                .map(zone -> "redirect:/zones/" + zone + "/submissions")
                .orElseGet(() -> {
                    model.addAttribute("zone", null);
                    return "submissions";
                });
    }

    /** With {@code year} and {@code month}, the month's figures are previewed beside the confirm button. */
    @GetMapping("/zones/{zoneId}/submissions")
    String zone(
            @PathVariable String zoneId,
            @RequestParam(required = false) @Min(value = 1990, message = YEAR) @Max(value = 2100, message = YEAR)
                    Integer year,
            @RequestParam(required = false) @Min(value = 1, message = MONTH) @Max(value = 12, message = MONTH)
                    Integer month,
            Model model,
            Locale locale,
            Reach reach) {
        boolean chosen = year != null && month != null;
        YearMonth shown = chosen ? YearMonth.of(year, month) : months.lastEnded();
        SubmissionForms.Month form = SubmissionForms.Month.of(shown.getYear(), shown.getMonthValue());
        return page(zones.of(zoneId), form, chosen, model, locale, reach);
    }

    @PostMapping("/zones/{zoneId}/submissions")
    String submit(
            @PathVariable String zoneId,
            @Valid @ModelAttribute("month") SubmissionForms.Month form,
            BindingResult errors,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next,
            Reach reach) {
        ListZones.Zone zone = zones.of(zoneId);
        boolean monthValid = !errors.hasFieldErrors("year") && !errors.hasFieldErrors("month");
        // the rule would refuse it too, but by the API's field name; the page says it beside the field
        if (monthValid && statuses(zoneId, form).contains(SubmissionStatus.ACCEPTED) && !form.hasReason()) {
            errors.rejectValue("reason", "submissions.reasonRequired");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(zone, form, monthValid, model, locale, reach);
        }
        Runnable command = () -> actions.submit(
                zoneId, form.request(), id -> ResponseEntity.noContent().build());
        if (!Refusals.sent(command, model, locale, response)) {
            return page(zone, form, true, model, locale, reach);
        }
        String label = months.label(form.getYear(), form.getMonth(), locale);
        next.addFlashAttribute("flash", months.text("submissions.submitted", locale, label));
        return "redirect:/zones/" + zoneId + "/submissions";
    }

    private String page(
            ListZones.Zone zone, SubmissionForms.Month form, boolean preview, Model model, Locale locale, Reach reach) {
        model.addAttribute("zone", zone);
        model.addAttribute("zonesInReach", zones.of(reach.zones()).values());
        model.addAttribute("submissions", views.ofZone(zone.id(), null));
        // 报送预警: the months this zone owes (due, or overdue after the due day)
        model.addAttribute(
                "monthsOwed",
                warnings.of(List.of(zone.id()), LocalDate.now(clock)).stream()
                        .filter(warning -> !warning.forReviewer())
                        .toList());
        model.addAttribute("month", form);
        model.addAttribute("years", months.years());
        if (preview) {
            model.addAttribute("preview", preview(zone.id(), form, locale));
        }
        return "submissions";
    }

    private Preview preview(String zoneId, SubmissionForms.Month form, Locale locale) {
        LocalDate asOf = YearMonth.of(form.getYear(), form.getMonth()).atEndOfMonth();
        Collection<SubmissionStatus> earlier = statuses(zoneId, form);
        return new Preview(
                form.getYear(),
                form.getMonth(),
                asOf,
                written.all(snapshots.now(zoneId, form.getYear(), asOf).figures(), locale),
                asOf.isBefore(LocalDate.now(clock)),
                earlier.contains(SubmissionStatus.SUBMITTED),
                earlier.contains(SubmissionStatus.ACCEPTED));
    }

    /** Where the month's earlier submissions stand. */
    private Collection<SubmissionStatus> statuses(String zoneId, SubmissionForms.Month form) {
        return book.of(zoneId, form.getYear(), form.getMonth()).values();
    }
}
