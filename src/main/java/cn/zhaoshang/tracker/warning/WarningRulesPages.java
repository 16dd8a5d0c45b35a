package cn.zhaoshang.tracker.warning;

import cn.zhaoshang.tracker.pages.Bilingual;
import cn.zhaoshang.tracker.pages.Page;
import cn.zhaoshang.tracker.platform.CommandTransaction;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.warning.api.WarningIds;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import cn.zhaoshang.tracker.zone.api.ListZones;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
 * A zone's warning rules on screen: the rules in force (the defaults until the zone sets its own) and the form that
 * sets them with the API's command. The zones page shows the summary, fetched as this slice's fragment.
 */
@Page
class WarningRulesPages {

    /** The rules in force for a zone; {@code defaults} while it has set none. */
    record ZoneRules(String zoneId, String zoneName, WarningRules rules, boolean defaults) {}

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final CommandTransaction transaction;
    private final WarningProjection warnings;
    private final MessageSource messages;

    WarningRulesPages(
            CommandGateway commands,
            QueryGateway queries,
            CommandTransaction transaction,
            WarningProjection warnings,
            MessageSource messages) {
        this.commands = commands;
        this.queries = queries;
        this.transaction = transaction;
        this.warnings = warnings;
        this.messages = messages;
    }

    @GetMapping("/zones/{zoneId}/warning-rules")
    String page(@PathVariable String zoneId, Model model) {
        ZoneRules rules = rules(zoneId);
        model.addAttribute("rulesForm", WarningForms.Rules.of(rules.rules()));
        return page(rules, model);
    }

    /** The summary alone, for the zones page. */
    @GetMapping("/zones/{zoneId}/warning-rules/summary")
    String summary(@PathVariable String zoneId, Model model) {
        model.addAttribute("zoneRules", rules(zoneId));
        return "zone-warning-rules :: summary";
    }

    @PostMapping("/zones/{zoneId}/warning-rules")
    String set(
            @PathVariable String zoneId,
            @Valid @ModelAttribute("rulesForm") WarningForms.Rules form,
            BindingResult errors,
            Model model,
            Locale locale,
            RedirectAttributes next) {
        ZoneRules rules = rules(zoneId);
        if (errors.hasErrors() || !send(zoneId, form, errors, locale)) {
            return page(rules, model);
        }
        next.addFlashAttribute("flash", messages.getMessage("rules.set", new Object[] {rules.zoneName()}, locale));
        return "redirect:/zones#zone-" + zoneId;
    }

    private boolean send(String zoneId, WarningForms.Rules form, BindingResult errors, Locale locale) {
        try {
            transaction.run(
                    WarningIds.ofZoneRules(zoneId),
                    () -> commands.sendAndWait(form.request().command(zoneId)));
            return true;
        } catch (CommandRejected | NotFound refused) {
            errors.reject("rejected", Bilingual.inLanguageOf(refused.getMessage(), locale));
            return false;
        }
    }

    private String page(ZoneRules rules, Model model) {
        model.addAttribute("zoneRules", rules);
        return "zone-warning-rules";
    }

    private ZoneRules rules(String zoneId) {
        String name = queries
                .query(new ListZones(Set.of(zoneId)), ResponseTypes.multipleInstancesOf(ListZones.Zone.class))
                .join()
                .stream()
                .filter(zone -> zone.id().equals(zoneId))
                .map(ListZones.Zone::name)
                .findFirst()
                .orElseThrow(() -> new UnknownZone(zoneId));
        Optional<WarningRules> set = warnings.find(zoneId);
        return new ZoneRules(zoneId, name, set.orElse(WarningRules.DEFAULTS), set.isEmpty());
    }
}
