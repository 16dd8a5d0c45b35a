package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.platform.IdempotentCommands;
import cn.zhaoshang.tracker.platform.IfMatch;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.GetProject;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.UnknownProject;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    ProjectController(CommandGateway commands, QueryGateway queries, IdempotentCommands idempotent) {
        this.commands = commands;
        this.queries = queries;
        this.idempotent = idempotent;
    }

    @PostMapping
    @Operation(summary = "签约登记 / Register a signed project")
    ResponseEntity<Object> sign(@Valid @RequestBody ProjectRequests.Sign request) {
        ProjectId id = ProjectId.random();
        return idempotent.run(id.value(), request, () -> {
            commands.sendAndWait(request.command(id));
            return ResponseEntity.created(URI.create("/api/projects/" + id)).body(Map.of("id", id.value()));
        });
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
