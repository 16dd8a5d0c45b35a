package cn.zhaoshang.tracker.zone;

import cn.zhaoshang.tracker.pages.Bilingual;
import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.platform.CommandTransaction;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.zone.api.AnnualTargetId;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 开发区与年度目标: every zone with its targets of each year, a form to register a zone and one to set or revise a
 * year's targets (全年任务). Each form's command is the API's, through {@link ZoneRequests}; who may send it is
 * decided by the page paths in {@code SecurityConfig}, and the page shows a form only to whom it would let through.
 * The zone's warning rules are the warning slice's, fetched as its fragment.
 */
@Page
class ZonePages {

    /** One zone and its targets, the latest year first. */
    record ZoneTargets(ZoneDirectory.ZoneView zone, List<ZoneDirectory.TargetView> targets) {}

    private final CommandGateway commands;
    private final CommandTransaction transaction;
    private final ZoneDirectory directory;
    private final MessageSource messages;
    private final Clock clock;
    private final String defaultProvince;

    ZonePages(
            CommandGateway commands,
            CommandTransaction transaction,
            ZoneDirectory directory,
            MessageSource messages,
            Clock clock,
            @Value("${tracker.default-province}") String defaultProvince) {
        this.commands = commands;
        this.transaction = transaction;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
        this.defaultProvince = defaultProvince;
    }

    /** {@code zone} and {@code year} fill the targets form, with the targets already set when there are any. */
    @GetMapping("/zones")
    String zones(
            @RequestParam(required = false) String zone,
            @RequestParam(required = false) Integer year,
            Model model,
            Reach reach) {
        ZoneForms.Targets targets = new ZoneForms.Targets();
        int chosenYear = year == null || year < 1990 || year > 2100
                ? LocalDate.now(clock).getYear()
                : year;
        if (zone != null && directory.exists(zone)) {
            targets = directory
                    .target(zone, chosenYear)
                    .map(ZoneForms.Targets::of)
                    .orElse(targets);
            targets.setZoneId(zone);
        }
        targets.setYear(chosenYear);
        model.addAttribute("targets", targets);
        model.addAttribute("registration", new ZoneForms.Registration());
        return page(model, null, reach);
    }

    @PostMapping("/zones")
    String register(
            @Valid @ModelAttribute("registration") ZoneForms.Registration form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next,
            Reach reach) {
        if (errors.hasErrors()
                || !send(form.getId(), errors, locale, () -> form.request().command(defaultProvince))) {
            model.addAttribute("targets", blankTargets());
            return page(model, "registration", reach);
        }
        next.addFlashAttribute(
                "flash", text("zones.registered", locale, form.getName().strip(), form.getId()));
        return "redirect:/zones#zone-" + form.getId();
    }

    @PostMapping("/zones/targets")
    String setTargets(
            @Valid @ModelAttribute("targets") ZoneForms.Targets form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next,
            Reach reach) {
        if (errors.hasErrors()
                || !send(AnnualTargetId.of(form.getZoneId(), form.getYear()), errors, locale, () -> form.request()
                        .command(form.getZoneId(), form.getYear()))) {
            model.addAttribute("registration", new ZoneForms.Registration());
            return page(model, "targets", reach);
        }
        String name = directory
                .find(form.getZoneId())
                .map(ZoneDirectory.ZoneView::name)
                .orElse(form.getZoneId());
        next.addFlashAttribute("flash", text("zones.targetsSet", locale, name, String.valueOf(form.getYear())));
        return "redirect:/zones#zone-" + form.getZoneId();
    }

    /** True when the command was recorded; otherwise the rule's reason is on the form. */
    private boolean send(String aggregateId, BindingResult errors, Locale locale, Supplier<Object> command) {
        try {
            transaction.run(aggregateId, () -> commands.sendAndWait(command.get()));
            return true;
        } catch (CommandRejected | NotFound refused) {
            errors.reject("rejected", Bilingual.inLanguageOf(refused.getMessage(), locale));
            return false;
        }
    }

    private String page(Model model, String failedForm, Reach reach) {
        List<ZoneDirectory.ZoneView> zones = directory.all(reach);
        model.addAttribute(
                "zones",
                zones.stream()
                        .map(zone -> new ZoneTargets(zone, directory.targets(zone.id())))
                        .toList());
        model.addAttribute("cities", cities(zones));
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("defaultProvince", defaultProvince);
        return "zones";
    }

    /** A city of the scope, its province and how many of its zones are registered. */
    record City(String city, String province, long zones) {}

    private static List<City> cities(List<ZoneDirectory.ZoneView> zones) {
        return zones.stream()
                .collect(
                        Collectors.groupingBy(zone -> new City(zone.city(), zone.province(), 0), Collectors.counting()))
                .entrySet()
                .stream()
                .map(city -> new City(city.getKey().city(), city.getKey().province(), city.getValue()))
                .sorted(Comparator.comparing(City::province).thenComparing(City::city))
                .toList();
    }

    private ZoneForms.Targets blankTargets() {
        ZoneForms.Targets targets = new ZoneForms.Targets();
        targets.setYear(LocalDate.now(clock).getYear());
        return targets;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
