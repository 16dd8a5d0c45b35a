package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.platform.IdempotentCommands;
import cn.zhaoshang.tracker.shared.Text;
import cn.zhaoshang.tracker.shared.ZoneYearSnapshots;
import cn.zhaoshang.tracker.submission.SubmissionCommands.AcceptSubmission;
import cn.zhaoshang.tracker.submission.SubmissionCommands.ReturnSubmission;
import cn.zhaoshang.tracker.submission.SubmissionCommands.SubmitMonth;
import cn.zhaoshang.tracker.submission.SubmissionCommands.SupersedeSubmission;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.UnknownZone;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The submit, accept and return requests as commands, one mapping for the API and the pages: the lock each holds,
 * the snapshot a submission freezes, the supersession an accepted restatement brings. {@code answer} is built in the
 * command's transaction, so that the API's Idempotency-Key stores it with the events.
 */
@Component
class SubmissionActions {

    private final CommandGateway commands;
    private final IdempotentCommands idempotent;
    private final ZoneYearSnapshots snapshots;
    private final SubmissionViews views;
    private final KnownZones zones;
    private final Clock clock;

    SubmissionActions(
            CommandGateway commands,
            IdempotentCommands idempotent,
            ZoneYearSnapshots snapshots,
            SubmissionViews views,
            KnownZones zones,
            Clock clock) {
        this.commands = commands;
        this.idempotent = idempotent;
        this.snapshots = snapshots;
        this.views = views;
        this.zones = zones;
        this.clock = clock;
    }

    /** Freezes the zone's figures as of the month's last day; {@code answer} takes the new submission's id. */
    ResponseEntity<Object> submit(
            String zoneId, SubmissionRequests.Submit request, Function<String, ResponseEntity<?>> answer) {
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
                    Text.stripped(request.note()),
                    request.restatement() == null
                            ? null
                            : request.restatement().reason().strip()));
            return answer.apply(id);
        });
    }

    ResponseEntity<Object> accept(
            String id, SubmissionRequests.Acceptance request, Supplier<ResponseEntity<?>> answer) {
        SubmissionBook.Stored submission = views.stored(id);
        String opinion = request == null ? null : Text.stripped(request.opinion());
        return idempotent.run(id, request, () -> {
            commands.sendAndWait(new AcceptSubmission(id, opinion));
            if (submission.restatementOf() != null) {
                commands.sendAndWait(new SupersedeSubmission(submission.restatementOf(), id));
            }
            return answer.get();
        });
    }

    ResponseEntity<Object> giveBack(String id, SubmissionRequests.Return request, Supplier<ResponseEntity<?>> answer) {
        views.stored(id);
        return idempotent.run(id, request, () -> {
            commands.sendAndWait(new ReturnSubmission(id, request.opinion().strip()));
            return answer.get();
        });
    }
}
