package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.shared.NotFound;
import cn.zhaoshang.tracker.shared.SignedCheckpoints;
import cn.zhaoshang.tracker.shared.ZoneYearSnapshots;
import cn.zhaoshang.tracker.submission.api.OfficialMonths;
import cn.zhaoshang.tracker.submission.api.SubmissionStatus;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A submission as the API and the pages show it: frozen figures, status, reviews and what has drifted since. */
@Component
class SubmissionViews implements OfficialMonths {

    private final SubmissionBook book;
    private final ZoneYearSnapshots snapshots;
    private final SignedCheckpoints checkpoints;

    SubmissionViews(SubmissionBook book, ZoneYearSnapshots snapshots, SignedCheckpoints checkpoints) {
        this.book = book;
        this.snapshots = snapshots;
        this.checkpoints = checkpoints;
    }

    /** A submission as the contract shows it. */
    record View(
            String id,
            String zoneId,
            int year,
            int month,
            LocalDate asOf,
            long position,
            String positionHash,
            ObjectNode figures,
            SubmissionStatus status,
            String submittedBy,
            Instant submittedAt,
            String note,
            String restatementOf,
            String restatementReason,
            List<SubmissionBook.Review> reviews,
            List<Drift.Field> drift,
            SignedCheckpoints.Stamp checkpoint) {}

    List<View> ofZone(String zoneId, Integer year) {
        return book.ofZone(zoneId, year).stream().map(this::of).toList();
    }

    View of(String id) {
        return of(stored(id));
    }

    View of(SubmissionBook.Stored submission) {
        ZoneYearSnapshots.Since since =
                snapshots.since(submission.zoneId(), submission.year(), submission.asOf(), submission.position());
        return new View(
                submission.id(),
                submission.zoneId(),
                submission.year(),
                submission.month(),
                submission.asOf(),
                submission.position(),
                submission.positionHash(),
                submission.figures(),
                submission.status(),
                submission.submittedBy(),
                submission.submittedAt(),
                submission.note(),
                submission.restatementOf(),
                submission.restatementReason(),
                book.reviews(submission.id()),
                Drift.between(submission.figures(), since.now().figures(), since.causes()),
                checkpoints.covering(submission.position()).orElse(null));
    }

    @Override
    public Optional<Official> accepted(String zoneId, int year, int month) {
        return book.ofMonth(zoneId, year, month).stream()
                .filter(submission -> submission.status() == SubmissionStatus.ACCEPTED)
                .findFirst()
                .map(this::of)
                .map(view -> {
                    SubmissionBook.Review acceptance = view.reviews().stream()
                            .filter(review -> review.decision().equals(SubmissionStatus.ACCEPTED.name()))
                            .reduce((earlier, later) -> later)
                            .orElseThrow();
                    return new Official(
                            view.id(),
                            view.asOf(),
                            view.position(),
                            view.figures(),
                            acceptance.by(),
                            acceptance.at(),
                            view.drift().size());
                });
    }

    SubmissionBook.Stored stored(String id) {
        return book.byId(id).orElseThrow(() -> new NotFound("报送 %s 不存在 / unknown submission %s".formatted(id, id)));
    }
}
