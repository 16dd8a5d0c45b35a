package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.platform.Bilingual;
import cn.zhaoshang.tracker.platform.Page;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.Forbidden;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
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
 * 月度报送, the bureau's side: a zone's submissions with their reviews, and a month's figures previewed as of its last
 * day before they are frozen by the confirm button. A submission's own page shows what it froze, its reviews and what
 * has drifted since, with the reviewer's accept and return forms and the bureau's 重新报送 form. Each form sends the
 * API's command through {@link SubmissionActions}; a rule's refusal is a message on the page (409, or 403 for four
 * eyes), bad input a message beside its field (400).
 */
@Page
class SubmissionPages {

    private static final String YEAR = "{form.year}";
    private static final String MONTH = "{form.month}";

    private final SubmissionActions actions;
    private final SubmissionViews views;
    private final SubmissionBook book;
    private final ZoneYearSnapshots snapshots;
    private final WrittenFigures written;
    private final ZoneNames zones;
    private final MessageSource messages;
    private final Clock clock;

    SubmissionPages(
            SubmissionActions actions,
            SubmissionViews views,
            SubmissionBook book,
            ZoneYearSnapshots snapshots,
            WrittenFigures written,
            ZoneNames zones,
            MessageSource messages,
            Clock clock) {
        this.actions = actions;
        this.views = views;
        this.book = book;
        this.snapshots = snapshots;
        this.written = written;
        this.zones = zones;
        this.messages = messages;
        this.clock = clock;
    }

    /** A month to be submitted, its figures as they would be frozen now, and what stands in its way. */
    record Preview(
            int year,
            int month,
            LocalDate asOf,
            List<WrittenFigures.Figure> figures,
            boolean ended,
            boolean underReview,
            boolean restating) {}

    /** The nav's 月度报送: the page of the first zone in reach (a bureau has one), or none to show. */
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
        YearMonth shown = chosen ? YearMonth.of(year, month) : lastEndedMonth();
        SubmissionForms.Month form = SubmissionForms.Month.of(shown.getYear(), shown.getMonthValue());
        return zonePage(zones.of(zoneId), form, chosen, model, locale, reach);
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
        if (monthValid && accepted(zoneId, form.getYear(), form.getMonth()) && !form.hasReason()) {
            errors.rejectValue("reason", "submissions.reasonRequired");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return zonePage(zone, form, monthValid, model, locale, reach);
        }
        boolean sent = send(
                model,
                locale,
                response,
                () -> actions.submit(
                        zoneId, form.request(), id -> ResponseEntity.noContent().build()));
        if (!sent) {
            return zonePage(zone, form, true, model, locale, reach);
        }
        next.addFlashAttribute(
                "flash", text("submissions.submitted", locale, month(form.getYear(), form.getMonth(), locale)));
        return "redirect:/zones/" + zoneId + "/submissions";
    }

    @GetMapping("/submissions/{id}")
    String submission(@PathVariable String id, Model model, Locale locale) {
        return submissionPage(views.of(id), model, locale);
    }

    @PostMapping("/submissions/{id}/acceptance")
    String accept(
            @PathVariable String id,
            @Valid @ModelAttribute("acceptance") SubmissionForms.Opinion form,
            BindingResult errors,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        return review(
                id,
                form,
                errors,
                model,
                locale,
                response,
                next,
                "submissions.accepted",
                () -> actions.accept(
                        id, new SubmissionRequests.Acceptance(form.getOpinion()), () -> ResponseEntity.noContent()
                                .build()));
    }

    @PostMapping("/submissions/{id}/return")
    String giveBack(
            @PathVariable String id,
            @Valid @ModelAttribute("giveBack") SubmissionForms.Opinion form,
            BindingResult errors,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next) {
        if (form.isBlank()) {
            errors.rejectValue("opinion", "submissions.opinionRequired");
        }
        return review(
                id,
                form,
                errors,
                model,
                locale,
                response,
                next,
                "submissions.returned",
                () -> actions.giveBack(
                        id, new SubmissionRequests.Return(form.getOpinion()), () -> ResponseEntity.noContent()
                                .build()));
    }

    private String review(
            String id,
            SubmissionForms.Opinion form,
            BindingResult errors,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next,
            String done,
            Supplier<ResponseEntity<Object>> command) {
        SubmissionViews.View before = views.of(id);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return submissionPage(before, model, locale);
        }
        if (!send(model, locale, response, command)) {
            return submissionPage(before, model, locale);
        }
        next.addFlashAttribute("flash", text(done, locale, month(before.year(), before.month(), locale)));
        return "redirect:/submissions/" + id;
    }

    /** True when the command was recorded; otherwise the rule's reason is on the page with its status. */
    private boolean send(
            Model model, Locale locale, HttpServletResponse response, Supplier<ResponseEntity<Object>> command) {
        try {
            command.get();
            return true;
        } catch (Forbidden refused) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("refused", Bilingual.inLanguageOf(refused.getMessage(), locale));
        } catch (CommandRejected refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refused", Bilingual.inLanguageOf(refused.getMessage(), locale));
        }
        return false;
    }

    private String zonePage(
            ListZones.Zone zone, SubmissionForms.Month form, boolean preview, Model model, Locale locale, Reach reach) {
        model.addAttribute("zone", zone);
        model.addAttribute("zonesInReach", zones.of(reach.zones()).values());
        model.addAttribute("submissions", views.ofZone(zone.id(), null));
        model.addAttribute("month", form);
        model.addAttribute("years", years());
        if (preview) {
            model.addAttribute("preview", preview(zone.id(), form.getYear(), form.getMonth(), locale));
        }
        return "submissions";
    }

    private Preview preview(String zoneId, int year, int month, Locale locale) {
        LocalDate asOf = YearMonth.of(year, month).atEndOfMonth();
        List<SubmissionStatus> earlier =
                List.copyOf(book.of(zoneId, year, month).values());
        return new Preview(
                year,
                month,
                asOf,
                written.all(snapshots.now(zoneId, year, asOf).figures(), locale),
                asOf.isBefore(LocalDate.now(clock)),
                earlier.contains(SubmissionStatus.SUBMITTED),
                earlier.contains(SubmissionStatus.ACCEPTED));
    }

    private boolean accepted(String zoneId, int year, int month) {
        return book.of(zoneId, year, month).containsValue(SubmissionStatus.ACCEPTED);
    }

    private String submissionPage(SubmissionViews.View view, Model model, Locale locale) {
        model.addAttribute("submission", view);
        model.addAttribute("zone", zones.of(view.zoneId()));
        model.addAttribute("figures", written.all(view.figures(), locale));
        model.addAttribute(
                "drift",
                view.drift().stream()
                        .map(field -> new DriftLine(
                                written.one(field.field(), field.submitted(), locale),
                                written.one(field.field(), field.now(), locale).value(),
                                field.events()))
                        .toList());
        if (!model.containsAttribute("acceptance")) {
            model.addAttribute("acceptance", new SubmissionForms.Opinion());
        }
        if (!model.containsAttribute("giveBack")) {
            model.addAttribute("giveBack", new SubmissionForms.Opinion());
        }
        model.addAttribute("restatement", SubmissionForms.Month.of(view.year(), view.month()));
        return "submission";
    }

    /** A drifted figure: as submitted ({@code figure.value()}), as it stands now, and the events that can have moved it. */
    record DriftLine(WrittenFigures.Figure figure, String now, List<Long> events) {}

    private YearMonth lastEndedMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }

    private List<Integer> years() {
        int now = LocalDate.now(clock).getYear();
        return IntStream.rangeClosed(now - 9, now)
                .boxed()
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    private String month(int year, int month, Locale locale) {
        return text("submissions.month", locale, String.valueOf(year), String.valueOf(month), "%02d".formatted(month));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
