package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 报送与审核 (governance.md §3): a zone submits a month's figures, frozen; a reviewer of its city or province accepts
 * or returns them; each submission answers with what has drifted in the live figures since. The requests become
 * commands in {@link SubmissionActions}, as the pages' forms do.
 */
@RestController
@Tag(name = "报送与审核 / Submissions and reviews")
class SubmissionController {

    private final SubmissionActions actions;
    private final SubmissionViews views;
    private final KnownZones zones;
    private final SubmissionBoard board;
    private final SubmissionWarnings warnings;
    private final Clock clock;

    SubmissionController(
            SubmissionActions actions,
            SubmissionViews views,
            KnownZones zones,
            SubmissionBoard board,
            SubmissionWarnings warnings,
            Clock clock) {
        this.actions = actions;
        this.views = views;
        this.zones = zones;
        this.board = board;
        this.warnings = warnings;
        this.clock = clock;
    }

    @PostMapping(value = "/api/zones/{zoneId}/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "报送一个月的数据 / Submit a month's figures")
    ResponseEntity<Object> submit(@PathVariable String zoneId, @Valid @RequestBody SubmissionRequests.Submit request) {
        return actions.submit(zoneId, request, id -> ResponseEntity.created(URI.create("/api/submissions/" + id))
                .body(views.of(id)));
    }

    @GetMapping(value = "/api/submissions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "一次报送，及其后实时数据的变化 / A submission, and what has drifted since")
    SubmissionViews.View submission(@PathVariable String id) {
        return views.of(id);
    }

    @GetMapping(value = "/api/zones/{zoneId}/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "开发区的报送，最新在前 / A zone's submissions, newest first")
    List<SubmissionViews.View> ofZone(
            @PathVariable String zoneId,
            @RequestParam(required = false)
                    @Min(value = 1990, message = "{form.year}")
                    @Max(value = 2100, message = "{form.year}")
                    Integer year) {
        if (!zones.exists(zoneId)) {
            throw new UnknownZone(zoneId);
        }
        return views.ofZone(zoneId, year);
    }

    @GetMapping(value = "/api/reports/cities/{city}/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "全市各开发区某月报送情况 / Where each zone of a city stands with a month's submission")
    SubmissionBoard.Board board(
            @PathVariable String city,
            @RequestParam @Min(value = 1990, message = "{form.year}") @Max(value = 2100, message = "{form.year}")
                    int year,
            @RequestParam @Min(value = 1, message = "{form.month}") @Max(value = 12, message = "{form.month}")
                    int month) {
        return board.of(city, year, month);
    }

    @GetMapping(value = "/api/submission-warnings", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "报送预警：待报送、逾期未报送、待审核超期 / Months waiting for a report or a review",
            description = "Within the caller's scope, or of one zone (zone=). forReviewer tells whose turn it is.")
    List<SubmissionWarnings.Warning> warnings(@RequestParam(required = false) String zone, Reach reach) {
        if (zone != null && !zones.exists(zone)) {
            throw new UnknownZone(zone);
        }
        return warnings.of(zone == null ? reach.zones() : List.of(zone), LocalDate.now(clock));
    }

    @PostMapping(value = "/api/submissions/{id}/acceptance", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "接受报送（报送人本人不可）/ Accept a submission (not by its submitter)")
    ResponseEntity<Object> accept(
            @PathVariable String id, @Valid @RequestBody(required = false) SubmissionRequests.Acceptance request) {
        return actions.accept(id, request, () -> ResponseEntity.ok(views.of(id)));
    }

    @PostMapping(value = "/api/submissions/{id}/return", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "退回报送并说明意见 / Return a submission with an opinion")
    ResponseEntity<Object> giveBack(@PathVariable String id, @Valid @RequestBody SubmissionRequests.Return request) {
        return actions.giveBack(id, request, () -> ResponseEntity.ok(views.of(id)));
    }
}
