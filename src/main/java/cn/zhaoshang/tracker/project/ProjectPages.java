package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.pages.Bilingual;
import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.platform.CommandTransaction;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.DuplicateSigning;
import cn.zhaoshang.tracker.project.api.GetProject;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.SignProject;
import cn.zhaoshang.tracker.project.api.Top500;
import cn.zhaoshang.tracker.project.api.UnknownProject;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.shared.StaleVersion;
import cn.zhaoshang.tracker.zone.api.ListZones;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bureau's forms: register a signing, and on a project's page record what followed. A form with mistakes comes
 * back with a message next to each wrong field; a command the rules refuse comes back with the rule's reason.
 */
@Page
class ProjectPages {

    private static final String[] FORMS = {
        "landing", "production", "arrival", "retraction", "amendment", "correction", "termination"
    };

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final CommandTransaction transaction;
    private final ProjectArrivals arrivals;
    private final ProjectEvidence evidence;
    private final EventStore events;
    private final MessageSource messages;
    private final Clock clock;

    ProjectPages(
            CommandGateway commands,
            QueryGateway queries,
            CommandTransaction transaction,
            ProjectArrivals arrivals,
            ProjectEvidence evidence,
            EventStore events,
            MessageSource messages,
            Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.transaction = transaction;
        this.arrivals = arrivals;
        this.evidence = evidence;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** One of the project's events, as the evidence form offers it: its sequence and its type's simple name. */
    record Supported(long sequence, String type) {}

    @GetMapping("/projects/new")
    String signForm(Model model, Reach reach) {
        ProjectForms.Sign form = new ProjectForms.Sign();
        form.setSignedOn(LocalDate.now(clock));
        model.addAttribute("sign", form);
        return signPage(model, reach);
    }

    @PostMapping("/projects")
    String sign(
            @Valid @ModelAttribute("sign") ProjectForms.Sign form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next,
            Reach reach) {
        ProjectId id = ProjectId.random();
        boolean done = false;
        if (!errors.hasErrors()) {
            SignProject command = form.request().command(id);
            try {
                done = send(command.signingKey().lockName(), errors, locale, () -> command);
            } catch (DuplicateSigning duplicate) {
                model.addAttribute(
                        "sameSigning",
                        duplicate.existing().stream()
                                .map(existing -> detail(existing.value()))
                                .toList());
            }
        }
        if (!done) {
            return signPage(model, reach);
        }
        next.addFlashAttribute(
                "flash", text("project.signed", locale, form.getName().strip()));
        return "redirect:/projects/" + id;
    }

    @GetMapping("/projects/{id}")
    String project(@PathVariable String id, Model model) {
        return projectPage(id, model, null);
    }

    @PostMapping("/projects/{id}/landing")
    String land(
            @PathVariable String id,
            @Valid @ModelAttribute("landing") ProjectForms.Dated form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next) {
        return after(id, "landing", errors, model, locale, next, () -> new ProjectRequests.Landing(form.getDate())
                .command(ProjectId.of(id), form.getVersion()));
    }

    @PostMapping("/projects/{id}/production")
    String startProduction(
            @PathVariable String id,
            @Valid @ModelAttribute("production") ProjectForms.Dated form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next) {
        return after(id, "production", errors, model, locale, next, () -> new ProjectRequests.Production(form.getDate())
                .command(ProjectId.of(id), form.getVersion()));
    }

    @PostMapping("/projects/{id}/capital-arrivals")
    String recordArrival(
            @PathVariable String id,
            @Valid @ModelAttribute("arrival") ProjectForms.Arrival form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next) {
        return after(id, "arrival", errors, model, locale, next, () -> form.request()
                .command(ProjectId.of(id), ArrivalId.random(), form.getVersion()));
    }

    @PostMapping("/projects/{id}/retraction")
    String retractArrival(
            @PathVariable String id,
            @Valid @ModelAttribute("retraction") ProjectForms.Retraction form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next) {
        return after(id, "retraction", errors, model, locale, next, () -> form.request()
                .command(ProjectId.of(id), ArrivalId.of(form.getArrivalId()), form.getVersion()));
    }

    @PostMapping("/projects/{id}/amendments")
    String amend(
            @PathVariable String id,
            @Valid @ModelAttribute("amendment") ProjectForms.Amendment form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next) {
        return after(id, "amendment", errors, model, locale, next, () -> form.request()
                .command(ProjectId.of(id), form.getVersion()));
    }

    @PostMapping("/projects/{id}/signing-correction")
    String correctSigning(
            @PathVariable String id,
            @Valid @ModelAttribute("correction") ProjectForms.Correction form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next) {
        return after(id, "correction", errors, model, locale, next, () -> form.request()
                .command(ProjectId.of(id), form.getVersion()));
    }

    @PostMapping("/projects/{id}/termination")
    String terminate(
            @PathVariable String id,
            @Valid @ModelAttribute("termination") ProjectForms.Termination form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next) {
        return after(id, "termination", errors, model, locale, next, () -> form.request()
                .command(ProjectId.of(id), form.getVersion()));
    }

    /** Sends the form's command unless the form has mistakes; back to the project page either way. */
    private String after(
            String id,
            String form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next,
            Supplier<Object> command) {
        GetProject.Result project = detail(id);
        if (errors.hasErrors() || !send(id, errors, locale, command)) {
            return projectPage(id, model, form);
        }
        next.addFlashAttribute("flash", text("project.recorded." + form, locale, project.name()));
        return "redirect:/projects/" + id;
    }

    /**
     * True when the command was recorded; otherwise the rule's reason is on the form. A duplicate signing is left to
     * the signing form, which shows the projects it duplicates.
     */
    private boolean send(String aggregateId, BindingResult errors, Locale locale, Supplier<Object> command) {
        try {
            transaction.run(aggregateId, () -> commands.sendAndWait(command.get()));
            return true;
        } catch (DuplicateSigning duplicate) {
            throw duplicate;
        } catch (CommandRejected | StaleVersion | NotFound refused) {
            errors.reject("rejected", Bilingual.inLanguageOf(refused.getMessage(), locale));
            return false;
        }
    }

    private String signPage(Model model, Reach reach) {
        model.addAttribute("zones", zones(reach.zones()));
        model.addAttribute("industries", Industry.values());
        model.addAttribute("top500s", Top500.values());
        return "project-new";
    }

    private String projectPage(String id, Model model, String failedForm) {
        GetProject.Result project = detail(id);
        model.addAttribute("project", project);
        model.addAttribute(
                "zoneName",
                zones(Set.of(project.zoneId())).stream()
                        .filter(zone -> zone.id().equals(project.zoneId()))
                        .map(ListZones.Zone::name)
                        .findFirst()
                        .orElse(project.zoneId()));
        model.addAttribute("arrivals", arrivals.standing(id));
        model.addAttribute("evidence", evidence.of(id));
        model.addAttribute(
                "supportable",
                events.readEvents(id)
                        .asStream()
                        .map(event -> new Supported(
                                event.getSequenceNumber(),
                                event.getPayloadType().getSimpleName()))
                        .toList());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("top500s", Top500.values());
        model.addAttribute("kinds", CapitalKind.values());
        model.addAttribute("failedForm", failedForm);
        for (String form : FORMS) {
            if (!model.containsAttribute(form)) {
                model.addAttribute(form, blank(form, project.version()));
            }
        }
        return "project";
    }

    private Object blank(String form, long version) {
        ProjectForms.Versioned blank =
                switch (form) {
                    case "landing", "production" -> new ProjectForms.Dated();
                    case "arrival" -> new ProjectForms.Arrival();
                    case "retraction" -> new ProjectForms.Retraction();
                    case "amendment" -> new ProjectForms.Amendment();
                    case "correction" -> new ProjectForms.Correction();
                    case "termination" -> new ProjectForms.Termination();
                    default -> throw new IllegalArgumentException(form);
                };
        blank.setVersion(version);
        return blank;
    }

    private GetProject.Result detail(String id) {
        return queries.query(new GetProject(id), ResponseTypes.optionalInstanceOf(GetProject.Result.class))
                .join()
                .orElseThrow(() -> new UnknownProject(id));
    }

    private List<ListZones.Zone> zones(Set<String> visible) {
        return queries.query(new ListZones(visible), ResponseTypes.multipleInstancesOf(ListZones.Zone.class))
                .join();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
