package cn.zhaoshang.tracker.zone;

import cn.zhaoshang.tracker.platform.IdempotentCommands;
import cn.zhaoshang.tracker.shared.Money;
import cn.zhaoshang.tracker.shared.Text;
import cn.zhaoshang.tracker.zone.api.AnnualTargetId;
import cn.zhaoshang.tracker.zone.api.RegisterZone;
import cn.zhaoshang.tracker.zone.api.SetAnnualTarget;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

    private static final String SLUG = "[a-z0-9-]{1,40}";

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;
    private final ZoneDirectory directory;

    ZoneController(CommandGateway commands, IdempotentCommands idempotent, ZoneDirectory directory) {
        this.commands = commands;
        this.idempotent = idempotent;
        this.directory = directory;
    }

    record ZoneRequest(
            @NotNull(message = "{form.required}") @Pattern(regexp = SLUG, message = "{form.slug}") String id,
            @NotBlank(message = "{form.required}")
                    @Pattern(regexp = Text.NAME, message = "{form.required}")
                    @Size(max = 200, message = "{form.text}")
                    String name,
            @NotNull(message = "{form.required}") @Pattern(regexp = SLUG, message = "{form.slug}") String city) {}

    record TargetRequest(
            @Positive(message = "{form.positive}") @Digits(integer = 15, fraction = 2, message = "{form.money}")
                    BigDecimal contractInvestmentCny,
            @Positive(message = "{form.positive}") @Digits(integer = 15, fraction = 2, message = "{form.money}")
                    BigDecimal foreignCapitalUsd,
            @Positive(message = "{form.positive}") @Max(value = 1_000_000, message = "{form.tooLarge}")
                    Integer projectCount) {}

    @PostMapping
    @Operation(summary = "登记开发区 / Register a zone")
    ResponseEntity<Object> register(@Valid @RequestBody ZoneRequest request) {
        return idempotent.run(request.id(), request, () -> {
            commands.sendAndWait(new RegisterZone(request.id(), request.name().strip(), request.city()));
            return ResponseEntity.created(URI.create("/api/zones/" + request.id()))
                    .body(directory.find(request.id()).orElseThrow());
        });
    }

    @GetMapping
    @Operation(summary = "开发区列表 / List zones")
    List<ZoneDirectory.ZoneView> zones() {
        return directory.all();
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
            @Valid @RequestBody TargetRequest request) {
        return idempotent.run(AnnualTargetId.of(zoneId, year), request, () -> {
            commands.sendAndWait(new SetAnnualTarget(
                    zoneId,
                    year,
                    Money.normalized(request.contractInvestmentCny()),
                    Money.normalized(request.foreignCapitalUsd()),
                    request.projectCount()));
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
