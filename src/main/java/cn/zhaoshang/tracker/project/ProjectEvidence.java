package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.platform.ReadModel;
import cn.zhaoshang.tracker.platform.ReadModelWrites;
import cn.zhaoshang.tracker.project.api.EvidenceAttached;
import cn.zhaoshang.tracker.project.api.FindEvidence;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The evidence of each project (凭证), a row per {@link EvidenceAttached}, written in the transaction that stores the
 * event. A row is found again by its event's identifier: the list reads the event's global position from the event
 * table, so the same rows result however the model was built.
 */
@Component
@ProcessingGroup("evidence")
@ReadModel(
        name = "project-evidence",
        tables = {"project_evidence"})
class ProjectEvidence {

    private final ReadModelWrites writes;
    private final JdbcClient jdbc;

    ProjectEvidence(ReadModelWrites writes, JdbcClient jdbc) {
        this.writes = writes;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(
            EvidenceAttached event,
            EventMessage<?> message,
            @Timestamp Instant at,
            @MetaDataValue("recordedBy") String by) {
        writes.write(
                "project_evidence",
                """
                INSERT INTO project_evidence (event_id, project_id, sha256, file_name, media_type, size_bytes,
                    attached_to, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                message.getIdentifier(),
                event.projectId().value(),
                event.sha256(),
                event.fileName(),
                event.mediaType(),
                event.sizeBytes(),
                event.attachedTo(),
                event.note(),
                by == null ? "system" : by,
                // as the store keeps it: the replay reads the instant back from there
                OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
    }

    @ResetHandler
    void reset() {
        writes.empty(this);
    }

    @QueryHandler
    List<FindEvidence.Result> handle(FindEvidence query) {
        return of(query.projectId());
    }

    /** The project's evidence in the order it was attached. */
    List<FindEvidence.Result> of(String projectId) {
        return jdbc.sql(
                        """
                SELECT v.sha256, v.file_name, v.media_type, v.size_bytes, v.attached_to, v.note, v.recorded_by,
                    v.recorded_at, e.globalIndex FROM project_evidence v
                JOIN DomainEventEntry e ON e.eventIdentifier = v.event_id
                WHERE v.project_id = ? ORDER BY e.globalIndex""")
                .param(projectId)
                .query((row, n) -> new FindEvidence.Result(
                        row.getString("sha256"),
                        row.getString("file_name"),
                        row.getString("media_type"),
                        row.getLong("size_bytes"),
                        row.getLong("attached_to"),
                        row.getString("note"),
                        row.getString("recorded_by"),
                        row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                        row.getLong("globalIndex")))
                .list();
    }

    /** The projects that name this file among their evidence. */
    List<String> projectsWith(String sha256) {
        return jdbc.sql("SELECT DISTINCT project_id FROM project_evidence WHERE sha256 = ? ORDER BY project_id")
                .param(sha256)
                .query(String.class)
                .list();
    }
}
