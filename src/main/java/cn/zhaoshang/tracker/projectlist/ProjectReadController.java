package cn.zhaoshang.tracker.projectlist;

import cn.zhaoshang.tracker.platform.IfMatch;
import cn.zhaoshang.tracker.project.api.FindProjects;
import cn.zhaoshang.tracker.project.api.GetProject;
import cn.zhaoshang.tracker.project.api.Stage;
import cn.zhaoshang.tracker.project.api.UnknownProject;
import cn.zhaoshang.tracker.shared.Reach;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/projects")
@Tag(name = "项目台账 / Project ledger")
class ProjectReadController {

    private final QueryGateway queries;

    ProjectReadController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    @Operation(summary = "项目详情（ETag 为项目版本）/ A project's detail (ETag is its version)")
    ResponseEntity<GetProject.Result> project(@PathVariable String id) {
        GetProject.Result detail = queries.query(
                        new GetProject(id), ResponseTypes.optionalInstanceOf(GetProject.Result.class))
                .join()
                .orElseThrow(() -> new UnknownProject(id));
        return ResponseEntity.ok().eTag(IfMatch.etag(detail.version())).body(detail);
    }

    @GetMapping
    @Operation(summary = "项目列表（台账）/ The project list (ledger)")
    FindProjects.Result projects(
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,40}", message = "{form.slug}") String zoneId,
            @RequestParam(required = false) Stage stage,
            @RequestParam(required = false)
                    @Min(value = 1990, message = "{form.year}")
                    @Max(value = 2100, message = "{form.year}")
                    Integer signedYear,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "{form.notNegative}") int page,
            @RequestParam(defaultValue = "50")
                    @Min(value = 1, message = "{form.pageSize}")
                    @Max(value = 500, message = "{form.pageSize}")
                    int size,
            Reach reach) {
        return queries.query(
                        new FindProjects(reach.zones(), zoneId, stage, signedYear, page, size),
                        ResponseTypes.instanceOf(FindProjects.Result.class))
                .join();
    }
}
