package cn.zhaoshang.tracker.warning;

import cn.zhaoshang.tracker.platform.IdempotentCommands;
import cn.zhaoshang.tracker.warning.api.FlaggedProjects.Flagged;
import cn.zhaoshang.tracker.warning.api.WarningColour;
import cn.zhaoshang.tracker.warning.api.WarningIds;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "履约预警 / Warnings")
class WarningController {

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;
    private final WarningProjection warnings;
    private final KnownZones zones;
    private final Clock clock;

    WarningController(
            CommandGateway commands,
            IdempotentCommands idempotent,
            WarningProjection warnings,
            KnownZones zones,
            Clock clock) {
        this.commands = commands;
        this.idempotent = idempotent;
        this.warnings = warnings;
        this.zones = zones;
        this.clock = clock;
    }

    /** {@code defaults}: true while the zone has not set its own rules. */
    record Rules(
            String zoneId,
            int notLandedYellowDays,
            int notLandedRedDays,
            int notInProductionYellowDays,
            int notInProductionRedDays,
            boolean defaults) {

        static Rules of(String zoneId, WarningRules rules, boolean defaults) {
            return new Rules(
                    zoneId,
                    rules.notLandedYellowDays(),
                    rules.notLandedRedDays(),
                    rules.notInProductionYellowDays(),
                    rules.notInProductionRedDays(),
                    defaults);
        }
    }

    record Warnings(String zoneId, LocalDate asOf, Rules rules, int yellow, int red, List<Flagged> projects) {}

    @GetMapping(value = "/api/zones/{zoneId}/warning-rules", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "开发区的预警规则（未设置时为默认值）/ The zone's warning rules (defaults until set)")
    Rules rules(@PathVariable String zoneId) {
        return current(known(zoneId));
    }

    @PutMapping(value = "/api/zones/{zoneId}/warning-rules", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "设置开发区的预警规则 / Set the zone's warning rules")
    ResponseEntity<Object> setRules(@PathVariable String zoneId, @Valid @RequestBody WarningRequests.Rules request) {
        return idempotent.run(WarningIds.ofZoneRules(zoneId), request, () -> {
            commands.sendAndWait(request.command(zoneId));
            return ResponseEntity.ok(current(zoneId));
        });
    }

    @GetMapping(value = "/api/reports/zones/{zoneId}/warnings", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "履约预警：当前被预警的项目（红色在前，逾期天数）/ Flagged projects now, red first, with days overdue")
    Warnings warnings(@PathVariable String zoneId) {
        known(zoneId);
        LocalDate today = LocalDate.now(clock);
        List<Flagged> flagged = warnings.of(zoneId, today);
        int red = (int) flagged.stream()
                .filter(project -> project.colour() == WarningColour.RED)
                .count();
        return new Warnings(zoneId, today, current(zoneId), flagged.size() - red, red, flagged);
    }

    private String known(String zoneId) {
        if (!zones.exists(zoneId)) {
            throw new UnknownZone(zoneId);
        }
        return zoneId;
    }

    private Rules current(String zoneId) {
        return warnings.find(zoneId)
                .map(rules -> Rules.of(zoneId, rules, false))
                .orElse(Rules.of(zoneId, WarningRules.DEFAULTS, true));
    }
}
