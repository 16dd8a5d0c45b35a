package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.platform.ReadModel;
import cn.zhaoshang.tracker.platform.ReadModelWrites;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningCleared;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningKind;
import cn.zhaoshang.tracker.submission.api.SubmissionWarningRaised;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The zone-months waiting now for their bureau's report or a reviewer's decision (报送预警). */
@Component
@ProcessingGroup("submission")
@ReadModel(
        name = "submission-warning",
        tables = {"submission_warning"})
class SubmissionWarnings {

    private final ReadModelWrites writes;
    private final JdbcClient jdbc;

    SubmissionWarnings(ReadModelWrites writes, JdbcClient jdbc) {
        this.writes = writes;
        this.jdbc = jdbc;
    }

    /** One warning as the API and the pages show it; {@code daysOverdue} counts from the day after it was due. */
    record Warning(
            String zoneId,
            int year,
            int month,
            SubmissionWarningKind kind,
            boolean forReviewer,
            String submissionId,
            LocalDate dueOn,
            LocalDate raisedOn,
            long daysOverdue) {}

    @EventHandler
    void on(SubmissionWarningRaised event) {
        delete(event.zoneId(), event.year(), event.month());
        writes.now()
                .sql(
                        """
                INSERT INTO submission_warning (zone_id, warning_year, warning_month, kind, submission_id, due_on,
                    raised_on) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        event.zoneId(),
                        event.year(),
                        event.month(),
                        event.kind().name(),
                        event.submissionId(),
                        event.dueOn(),
                        event.raisedOn())
                .update();
    }

    @EventHandler
    void on(SubmissionWarningCleared event) {
        delete(event.zoneId(), event.year(), event.month());
    }

    private void delete(String zoneId, int year, int month) {
        writes.now()
                .sql("DELETE FROM submission_warning WHERE zone_id = ? AND warning_year = ? AND warning_month = ?")
                .params(zoneId, year, month)
                .update();
    }

    @ResetHandler
    void reset() {
        writes.empty(this);
    }

    /** The warnings of these zones, the oldest month first. */
    List<Warning> of(Collection<String> zoneIds, LocalDate today) {
        if (zoneIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                SELECT zone_id, warning_year, warning_month, kind, submission_id, due_on, raised_on
                FROM submission_warning WHERE zone_id IN (:zones)
                ORDER BY warning_year, warning_month, zone_id""")
                .param("zones", List.copyOf(zoneIds))
                .query((row, n) -> {
                    SubmissionWarningKind kind = SubmissionWarningKind.valueOf(row.getString("kind"));
                    LocalDate dueOn = row.getObject("due_on", LocalDate.class);
                    return new Warning(
                            row.getString("zone_id"),
                            row.getInt("warning_year"),
                            row.getInt("warning_month"),
                            kind,
                            kind.forReviewer(),
                            row.getString("submission_id"),
                            dueOn,
                            row.getObject("raised_on", LocalDate.class),
                            Math.max(0, ChronoUnit.DAYS.between(dueOn, today)));
                })
                .list();
    }
}
