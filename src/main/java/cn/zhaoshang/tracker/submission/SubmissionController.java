package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.platform.IdempotentCommands;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.shared.ZoneYearSnapshots;
import cn.zhaoshang.tracker.submission.SubmissionCommands.AcceptSubmission;
import cn.zhaoshang.tracker.submission.SubmissionCommands.ReturnSubmission;
import cn.zhaoshang.tracker.submission.SubmissionCommands.SubmitMonth;
import cn.zhaoshang.tracker.submission.SubmissionCommands.SupersedeSubmission;
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
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
 * or returns them; each submission answers with what has drifted in the live figures since.
 */
@RestController
@Tag(name = "报送与审核 / Submissions and reviews")
class SubmissionController {

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;
    private final SubmissionBook book;
    private final ZoneYearSnapshots snapshots;
    private final SubmissionViews views;
    private final KnownZones zones;
    private final SubmissionBoard board;
    private final SubmissionWarnings warnings;
    private final Clock clock;

    SubmissionController(
            CommandGateway commands,
            IdempotentCommands idempotent,
            SubmissionBook book,
            ZoneYearSnapshots snapshots,
            SubmissionViews views,
            KnownZones zones,
            SubmissionBoard board,
            SubmissionWarnings warnings,
            Clock clock) {
        this.commands = commands;
        this.idempotent = idempotent;
        this.book = book;
        this.snapshots = snapshots;
        this.views = views;
        this.zones = zones;
        this.board = board;
        this.warnings = warnings;
        this.clock = clock;
    }

    @PostMapping(value = "/api/zones/{zoneId}/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "报送一个月的数据 / Submit a month's figures")
    ResponseEntity<Object> submit(@PathVariable String zoneId, @Valid @RequestBody SubmissionRequests.Submit request) {
        if (!zones.exists(zoneId)) {
            throw new UnknownZone(zoneId);
        }
        LocalDate asOf = YearMonth.of(request.year(), request.month()).atEndOfMonth();
        String id = UUID.randomUUID().toString();
        // one zone-month at a time: the rule reads the month's earlier submissions
        String month = "submissions/%s/%d/%d".formatted(zoneId, request.year(), request.month());
        return idempotent.run(month, request, () -> {
            ZoneYearSnapshots.Snapshot snapshot = snapshots.now(zoneId, request.year(), asOf);
            commands.sendAndWait(new SubmitMonth(
                    id,
                    zoneId,
                    request.year(),
                    request.month(),
                    asOf,
                    LocalDate.now(clock),
                    snapshot.position(),
                    snapshot.positionHash(),
                    snapshot.figures(),
                    blankToNull(request.note()),
                    request.restatement() == null
                            ? null
                            : request.restatement().reason().strip()));
            return ResponseEntity.created(URI.create("/api/submissions/" + id)).body(view(id));
        });
    }

    @GetMapping(value = "/api/submissions/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "一次报送，及其后实时数据的变化 / A submission, and what has drifted since")
    SubmissionViews.View submission(@PathVariable String id) {
        return view(id);
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
        SubmissionBook.Stored submission = stored(id);
        String opinion = request == null ? null : blankToNull(request.opinion());
        return idempotent.run(id, request, () -> {
            commands.sendAndWait(new AcceptSubmission(id, opinion));
            if (submission.restatementOf() != null) {
                commands.sendAndWait(new SupersedeSubmission(submission.restatementOf(), id));
            }
            return ResponseEntity.ok(view(id));
        });
    }

    @PostMapping(value = "/api/submissions/{id}/return", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "退回报送并说明意见 / Return a submission with an opinion")
    ResponseEntity<Object> giveBack(@PathVariable String id, @Valid @RequestBody SubmissionRequests.Return request) {
        stored(id);
        return idempotent.run(id, request, () -> {
            commands.sendAndWait(new ReturnSubmission(id, request.opinion().strip()));
            return ResponseEntity.ok(view(id));
        });
    }

    private SubmissionViews.View view(String id) {
        return views.of(id);
    }

    private SubmissionBook.Stored stored(String id) {
        return views.stored(id);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
