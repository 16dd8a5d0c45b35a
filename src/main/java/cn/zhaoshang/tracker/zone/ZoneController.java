package cn.zhaoshang.tracker.zone;

import cn.zhaoshang.tracker.platform.IdempotentCommands;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.zone.api.AnnualTargetId;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(value = "/api/zones", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "开发区与年度目标 / Zones and targets")
class ZoneController {

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;
    private final ZoneDirectory directory;
    private final String defaultProvince;

    ZoneController(
            CommandGateway commands,
            IdempotentCommands idempotent,
            ZoneDirectory directory,
            @Value("${tracker.default-province}") String defaultProvince) {
        this.commands = commands;
        this.idempotent = idempotent;
        this.directory = directory;
        this.defaultProvince = defaultProvince;
    }

    @PostMapping
    @Operation(summary = "登记开发区 / Register a zone")
    ResponseEntity<Object> register(@Valid @RequestBody ZoneRequests.Registration request) {
        return idempotent.run(request.id(), request, () -> {
            commands.sendAndWait(request.command(defaultProvince));
            return ResponseEntity.created(URI.create("/api/zones/" + request.id()))
                    .body(directory.find(request.id()).orElseThrow());
        });
    }

    @GetMapping
    @Operation(summary = "开发区列表 / List zones")
    List<ZoneDirectory.ZoneView> zones(Reach reach) {
        return directory.all(reach);
    }

    @GetMapping("/{zoneId}")
    @Operation(summary = "开发区 / One zone")
    ZoneDirectory.ZoneView zone(@PathVariable String zoneId) {
        return directory.find(zoneId).orElseThrow(() -> new UnknownZone(zoneId));
    }

    @PutMapping("/{zoneId}/targets/{year}")
    @Operation(summary = "设定或修订年度目标（全年任务）/ Set or revise a zone's annual targets")
    ResponseEntity<Object> setTarget(
            @PathVariable String zoneId,
            @PathVariable @Min(value = 1990, message = "{form.year}") @Max(value = 2100, message = "{form.year}")
                    int year,
            @Valid @RequestBody ZoneRequests.Targets request) {
        return idempotent.run(AnnualTargetId.of(zoneId, year), request, () -> {
            commands.sendAndWait(request.command(zoneId, year));
            return ResponseEntity.ok(directory.target(zoneId, year).orElseThrow());
        });
    }

    @GetMapping("/{zoneId}/targets/{year}")
    @Operation(summary = "年度目标 / A zone's annual targets")
    ZoneDirectory.TargetView target(@PathVariable String zoneId, @PathVariable int year) {
        zone(zoneId);
        return directory.target(zoneId, year).orElse(new ZoneDirectory.TargetView(zoneId, year, null, null, null));
    }
}
