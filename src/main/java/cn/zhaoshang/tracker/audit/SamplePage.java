package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.pages.PageInput;
import cn.zhaoshang.tracker.pages.Shown;
import cn.zhaoshang.tracker.project.api.FindEvidence;
import cn.zhaoshang.tracker.shared.Reach;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 抽样: the auditor's reproducible random sample on a page. A first visit offers a fresh seed; a drawn sample says its
 * seed, position and population, and links the request that draws it again.
 */
@Page
class SamplePage {

    private final Samples samples;
    private final SampleRequests requests;

    SamplePage(Samples samples, SampleRequests requests) {
        this.samples = samples;
        this.requests = requests;
    }

    /** The form as typed (or as completed after a draw). */
    record Form(String of, String size, String seed, String atPosition, String zone, String type) {}

    /** One drawn row in the reader's language. */
    record Row(
            long position,
            String type,
            String subjectId,
            String subjectName,
            boolean project,
            String recordedAt,
            String recordedBy,
            String what,
            List<FindEvidence.Result> evidence) {}

    @GetMapping("/audit/sample")
    String sample(
            @RequestParam(required = false) String of,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String seed,
            @RequestParam(required = false) String atPosition,
            @RequestParam(required = false) String zone,
            @RequestParam(required = false) String type,
            Locale locale,
            Model model,
            HttpServletResponse response,
            Reach reach) {
        model.addAttribute("types", EventLog.TYPES);
        if (seed == null) {
            model.addAttribute(
                    "form",
                    new Form(
                            of == null ? "events" : of,
                            size == null ? "10" : size,
                            String.valueOf(Samples.newSeed()),
                            atPosition,
                            zone,
                            type));
            return "audit-sample";
        }
        SampleRequests.Checked checked = requests.check(of, size, seed, atPosition, zone, type);
        if (!checked.errors().isEmpty()) {
            model.addAttribute("form", new Form(of, size, seed, atPosition, zone, type));
            return PageInput.refused(
                    "audit-sample",
                    model,
                    response,
                    checked.errors().stream()
                            .map(error -> requests.message(error, locale))
                            .toList());
        }
        Samples.Sample sample = samples.draw(checked.request(), reach);
        Samples.Request request = sample.request();
        model.addAttribute(
                "form",
                new Form(
                        request.of().name().toLowerCase(Locale.ROOT),
                        String.valueOf(request.size()),
                        String.valueOf(request.seed()),
                        String.valueOf(request.atPosition()),
                        request.zone(),
                        request.of() == Samples.Of.PROJECTS ? null : request.type()));
        model.addAttribute("sample", sample);
        model.addAttribute("again", "/audit/sample?" + SampleRequests.query(request));
        boolean english = "en".equals(locale.getLanguage());
        model.addAttribute(
                "rows",
                sample.drawn().stream()
                        .map(logged -> row(logged, sample, english))
                        .toList());
        return "audit-sample";
    }

    private static Row row(EventLog.Logged logged, Samples.Sample sample, boolean english) {
        EventLog.Entry entry = logged.entry();
        EventLog.Subject subject = logged.subject();
        return new Row(
                entry.position(),
                entry.type(),
                subject.id(),
                sample.names().getOrDefault(subject, subject.id()),
                subject.kind() == EventLog.Subject.Kind.PROJECT,
                Shown.moment(entry.recordedAt()),
                entry.recordedBy(),
                logged.what() == null
                        ? null
                        : english ? logged.what().en() : logged.what().zh(),
                sample.evidence().get(entry.position()));
    }
}
