package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.shared.RecordedEvent;
import cn.zhaoshang.tracker.shared.RecordedEvents;
import cn.zhaoshang.tracker.shared.WrittenFigures;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A submission's page: what it froze, its reviews, and what has drifted since, each drifted figure with the events
 * that can have moved it; the reviewer's accept and return forms while it is under review (a return needs an opinion),
 * the bureau's 重新报送 form once it is accepted. The forms send the API's commands through {@link SubmissionActions}.
 */
@Page
class SubmissionPage {

    /** A drifted figure: as submitted ({@code figure.value()}), as it stands now, and the events that can have moved it. */
    record DriftLine(WrittenFigures.Figure figure, String now, List<Cause> events) {}

    /**
     * An event behind a drift, said in words for every reader (a reviewer may not open the audit log): what was
     * recorded, and the project it is about where the line does not name it.
     */
    record Cause(long position, String subject, String line) {}

    private final SubmissionActions actions;
    private final SubmissionViews views;
    private final WrittenFigures written;
    private final ZoneNames zones;
    private final PageMonths months;
    private final RecordedEvents recorded;

    SubmissionPage(
            SubmissionActions actions,
            SubmissionViews views,
            WrittenFigures written,
            ZoneNames zones,
            PageMonths months,
            RecordedEvents recorded) {
        this.actions = actions;
        this.views = views;
        this.written = written;
        this.zones = zones;
        this.months = months;
        this.recorded = recorded;
    }

    @GetMapping("/submissions/{id}")
    String submission(@PathVariable String id, Model model, Locale locale) {
        return page(views.of(id), model, locale);
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
                errors,
                model,
                locale,
                response,
                next,
                "submissions.accepted",
                () -> actions.accept(
                        id, new SubmissionRequests.Acceptance(form.getOpinion()), ResponseEntity.noContent()::build));
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
                errors,
                model,
                locale,
                response,
                next,
                "submissions.returned",
                () -> actions.giveBack(
                        id, new SubmissionRequests.Return(form.getOpinion()), ResponseEntity.noContent()::build));
    }

    private String review(
            String id,
            BindingResult errors,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes next,
            String done,
            Runnable command) {
        SubmissionViews.View before = views.of(id);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(before, model, locale);
        }
        if (!Refusals.sent(command, model, locale, response)) {
            return page(before, model, locale);
        }
        next.addFlashAttribute("flash", months.text(done, locale, months.label(before.year(), before.month(), locale)));
        return "redirect:/submissions/" + id;
    }

    private String page(SubmissionViews.View view, Model model, Locale locale) {
        model.addAttribute("submission", view);
        model.addAttribute("zone", zones.of(view.zoneId()));
        model.addAttribute("figures", written.all(view.figures(), locale));
        Map<Long, Cause> causes = causes(view, locale);
        model.addAttribute(
                "drift",
                view.drift().stream()
                        .map(field -> new DriftLine(
                                written.one(field.field(), field.submitted(), locale),
                                written.one(field.field(), field.now(), locale).value(),
                                field.events().stream()
                                        .map(position -> causes.getOrDefault(position, new Cause(position, null, null)))
                                        .toList()))
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

    private Map<Long, Cause> causes(SubmissionViews.View view, Locale locale) {
        Set<Long> positions = new TreeSet<>();
        view.drift().forEach(field -> positions.addAll(field.events()));
        Map<Long, Cause> causes = new HashMap<>();
        for (RecordedEvent event : recorded.at(positions)) {
            String line = event.line(locale);
            causes.put(event.position(), new Cause(event.position(), event.subjectUnlessIn(line), line));
        }
        return causes;
    }
}
