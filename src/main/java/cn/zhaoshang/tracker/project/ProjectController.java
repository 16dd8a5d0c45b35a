package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.platform.IdempotentCommands;
import cn.zhaoshang.tracker.platform.IfMatch;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.DuplicateSigning;
import cn.zhaoshang.tracker.project.api.GetProject;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.SignProject;
import cn.zhaoshang.tracker.project.api.SigningKey;
import cn.zhaoshang.tracker.project.api.UnknownProject;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.web.Problems;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** HTTP → commands. Each command answers with the project's detail as it stands after the command. */
@RestController
@RequestMapping(value = "/api/projects", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "项目登记 / Project commands")
class ProjectController {

    private static final String IF_MATCH = "If-Match";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final IdempotentCommands idempotent;
    private final KnownZones zones;

    ProjectController(CommandGateway commands, QueryGateway queries, IdempotentCommands idempotent, KnownZones zones) {
        this.commands = commands;
        this.queries = queries;
        this.idempotent = idempotent;
        this.zones = zones;
    }

    /** Holds the signing key, not the new id: two signings of one project at once run one after the other. */
    @PostMapping
    @Operation(
            summary = "签约登记 / Register a signed project",
            description = "同一开发区、同一签约日期的同名项目已存在时答 409 duplicate-signing；确为另一项目时在 distinctFrom 中列出其编号"
                    + " / 409 duplicate-signing when the zone has a project of this name signed on this date; list"
                    + " their ids in distinctFrom if this is another project")
    ResponseEntity<Object> sign(@Valid @RequestBody ProjectRequests.Sign request, Reach reach) {
        // a zone outside the scope is 403 (zones are public); an unknown one stays the rule's 404
        if (zones.exists(request.zoneId())) {
            reach.requireZone(request.zoneId());
        }
        ProjectId id = ProjectId.random();
        SignProject command = request.command(id);
        return idempotent.run(command.signingKey().lockName(), request, () -> {
            commands.sendAndWait(command);
            return ResponseEntity.created(URI.create("/api/projects/" + id)).body(Map.of("id", id.value()));
        });
    }

    /**
     * 409 naming the projects already signed under the key, each with its address: the caller either uses the one
     * that exists or signs again saying which ones this project is not.
     */
    @ExceptionHandler(DuplicateSigning.class)
    ProblemDetail duplicate(DuplicateSigning duplicate) {
        List<Map<String, String>> existing = duplicate.existing().stream()
                .map(project -> Map.of("id", project.value(), "href", "/api/projects/" + project))
                .toList();
        String ids = duplicate.existing().stream()
                .map(project -> "\"" + project + "\"")
                .collect(Collectors.joining(", "));
        SigningKey key = duplicate.key();
        ProblemDetail problem = Problems.of(
                HttpStatus.CONFLICT,
                "duplicate-signing",
                ("开发区 %s 已登记 %s 签约的同名项目“%s”（%s）；如确为另一个项目，请在请求中加上 \"distinctFrom\": [%s] 后重新提交"
                                + " / zone %s already has a project named \"%s\" signed on %s (%s); if this is another"
                                + " project, send the signing again with \"distinctFrom\": [%s]")
                        .formatted(
                                key.zoneId(),
                                key.signedOn(),
                                key.name(),
                                existing.get(0).get("href"),
                                ids,
                                key.zoneId(),
                                key.name(),
                                key.signedOn(),
                                existing.get(0).get("href"),
                                ids));
        problem.setProperty("existingProject", existing.get(0));
        problem.setProperty("existingProjects", existing);
        return problem;
    }

    @PostMapping("/{id}/landing")
    @Operation(summary = "登记落地（开工）/ Record the landing (construction started)")
    ResponseEntity<Object> land(
            @PathVariable String id,
            @Valid @RequestBody ProjectRequests.Landing request,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        return command(id, request, () -> request.command(ProjectId.of(id), IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/production")
    @Operation(summary = "登记投产 / Record the start of production")
    ResponseEntity<Object> startProduction(
            @PathVariable String id,
            @Valid @RequestBody ProjectRequests.Production request,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        return command(id, request, () -> request.command(ProjectId.of(id), IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/capital-arrivals")
    @Operation(summary = "登记实际到位资金（外资以美元计）/ Record an arrival of capital (FOREIGN in USD)")
    ResponseEntity<Object> recordArrival(
            @PathVariable String id,
            @Valid @RequestBody ProjectRequests.Arrival request,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        return idempotent.run(id, request, () -> {
            ArrivalId arrivalId = ArrivalId.random();
            dispatch(id, request.command(ProjectId.of(id), arrivalId, IfMatch.version(ifMatch)));
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/projects/" + id))
                    .eTag(IfMatch.etag(detail(id).version()))
                    .body(Map.of("arrivalId", arrivalId.value()));
        });
    }

    @PostMapping("/{id}/capital-arrivals/{arrivalId}/retraction")
    @Operation(summary = "撤销误登的到位资金 / Retract an arrival recorded in error")
    ResponseEntity<Object> retractArrival(
            @PathVariable String id,
            @PathVariable String arrivalId,
            @Valid @RequestBody ProjectRequests.Retraction request,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        return command(
                id,
                request,
                () -> request.command(ProjectId.of(id), ArrivalId.of(arrivalId), IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/amendments")
    @Operation(summary = "合同变更（增资/减资）/ Amend the contract (increase or decrease)")
    ResponseEntity<Object> amend(
            @PathVariable String id,
            @Valid @RequestBody ProjectRequests.Amendment request,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        return command(id, request, () -> request.command(ProjectId.of(id), IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/signing-correction")
    @Operation(summary = "更正签约信息（录入错误）/ Correct the signing (entry mistake)")
    ResponseEntity<Object> correctSigning(
            @PathVariable String id,
            @Valid @RequestBody ProjectRequests.Correction request,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        return command(id, request, () -> request.command(ProjectId.of(id), IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/termination")
    @Operation(summary = "终止项目 / Terminate the project")
    ResponseEntity<Object> terminate(
            @PathVariable String id,
            @Valid @RequestBody ProjectRequests.Termination request,
            @RequestHeader(value = IF_MATCH, required = false) String ifMatch) {
        return command(id, request, () -> request.command(ProjectId.of(id), IfMatch.version(ifMatch)));
    }

    private ResponseEntity<Object> command(String id, Object request, Supplier<Object> command) {
        return idempotent.run(id, request, () -> {
            dispatch(id, command.get());
            GetProject.Result detail = detail(id);
            return ResponseEntity.ok().eTag(IfMatch.etag(detail.version())).body(detail);
        });
    }

    private void dispatch(String id, Object command) {
        detail(id);
        commands.sendAndWait(command);
    }

    private GetProject.Result detail(String id) {
        return queries.query(new GetProject(id), ResponseTypes.optionalInstanceOf(GetProject.Result.class))
                .join()
                .orElseThrow(() -> new UnknownProject(id));
    }
}
