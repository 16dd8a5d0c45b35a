package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.platform.CommandLookupTable;
import cn.zhaoshang.tracker.platform.ReadModel;
import cn.zhaoshang.tracker.platform.ReadModelWrites;
import cn.zhaoshang.tracker.shared.ZoneOwned;
import cn.zhaoshang.tracker.submission.api.AcceptedMonths;
import cn.zhaoshang.tracker.submission.api.MonthSubmitted;
import cn.zhaoshang.tracker.submission.api.SubmissionAccepted;
import cn.zhaoshang.tracker.submission.api.SubmissionReturned;
import cn.zhaoshang.tracker.submission.api.SubmissionStatus;
import cn.zhaoshang.tracker.submission.api.SubmissionSuperseded;
import cn.zhaoshang.tracker.submission.api.SubmittedMonths;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The submissions with their frozen figures, status and reviews. Written in the command's transaction (subscribing),
 * so that the submitting rule sees the zone-month as the last command left it.
 */
@Component
@CommandLookupTable
@ProcessingGroup("submission")
@ReadModel(tables = {"submission", "submission_review"})
class SubmissionBook implements ZoneMonths, ZoneOwned, SubmittedMonths, AcceptedMonths {

    private final ReadModelWrites writes;
    private final JdbcClient jdbc;
    private final ObjectMapper json;

    SubmissionBook(ReadModelWrites writes, JdbcClient jdbc, ObjectMapper json) {
        this.writes = writes;
        this.jdbc = jdbc;
        // amounts are read back as exact decimals, never through double
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    @EventHandler
    void on(MonthSubmitted event, @Timestamp Instant at, @MetaDataValue(Submission.RECORDED_BY) String by) {
        writes.now()
                .sql(
                        """
                INSERT INTO submission (submission_id, zone_id, submission_year, submission_month, as_of, position,
                    position_hash, figures, note, restatement_of, restatement_reason, status, submitted_by, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        event.submissionId(),
                        event.zoneId(),
                        event.year(),
                        event.month(),
                        event.asOf(),
                        event.position(),
                        event.positionHash(),
                        text(event.figures()),
                        event.note(),
                        event.restatementOf(),
                        event.restatementReason(),
                        SubmissionStatus.SUBMITTED.name(),
                        by == null ? "system" : by,
                        moment(at))
                .update();
    }

    @EventHandler
    void on(
            SubmissionAccepted event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(Submission.RECORDED_BY) String by) {
        reviewed(event.submissionId(), SubmissionStatus.ACCEPTED, event.opinion(), sequence, at, by);
    }

    @EventHandler
    void on(
            SubmissionReturned event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(Submission.RECORDED_BY) String by) {
        reviewed(event.submissionId(), SubmissionStatus.RETURNED, event.opinion(), sequence, at, by);
    }

    @EventHandler
    void on(SubmissionSuperseded event) {
        status(event.submissionId(), SubmissionStatus.SUPERSEDED);
    }

    private void reviewed(
            String submission, SubmissionStatus decision, String opinion, long sequence, Instant at, String by) {
        status(submission, decision);
        writes.now()
                .sql(
                        """
                INSERT INTO submission_review (submission_id, sequence_no, decision, opinion, reviewed_by, reviewed_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(submission, sequence, decision.name(), opinion, by == null ? "system" : by, moment(at))
                .update();
    }

    private void status(String submission, SubmissionStatus status) {
        writes.now()
                .sql("UPDATE submission SET status = ? WHERE submission_id = ?")
                .params(status.name(), submission)
                .update();
    }

    @ResetHandler
    void reset() {
        writes.empty(this);
    }

    @Override
    public Map<String, SubmissionStatus> of(String zoneId, int year, int month) {
        Map<String, SubmissionStatus> statuses = new LinkedHashMap<>();
        jdbc.sql("SELECT submission_id, status FROM submission"
                        + " WHERE zone_id = ? AND submission_year = ? AND submission_month = ?")
                .params(zoneId, year, month)
                .query((row, number) ->
                        statuses.put(row.getString("submission_id"), SubmissionStatus.valueOf(row.getString("status"))))
                .list();
        return statuses;
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of("/api/submissions/", "/submissions/");
    }

    @Override
    public Optional<String> zoneOf(String submissionId) {
        return jdbc.sql("SELECT zone_id FROM submission WHERE submission_id = ?")
                .param(submissionId)
                .query(String.class)
                .optional();
    }

    @Override
    public Optional<SubmittedMonths.Frozen> find(String submissionId) {
        return byId(submissionId)
                .map(submission -> new SubmittedMonths.Frozen(
                        submission.zoneId(), submission.year(), submission.asOf(), submission.position()));
    }

    Optional<Stored> byId(String submissionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM submission WHERE submission_id = ?")
                .param(submissionId)
                .query(this::stored)
                .optional();
    }

    /** The zone's submissions, newest first (the latest month, then the latest submission of it). */
    List<Stored> ofZone(String zoneId, Integer year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM submission WHERE zone_id = ?"
                        + " AND (CAST(? AS INTEGER) IS NULL OR submission_year = ?)"
                        + " ORDER BY submission_year DESC, submission_month DESC, submitted_at DESC, submission_id")
                .params(zoneId, year, year)
                .query(this::stored)
                .list();
    }

    @Override
    public Map<String, AcceptedMonths.Accepted> of(Collection<String> zoneIds, int year, int month) {
        Map<String, AcceptedMonths.Accepted> accepted = new LinkedHashMap<>();
        if (zoneIds.isEmpty()) {
            return accepted;
        }
        jdbc.sql("SELECT " + COLUMNS + " FROM submission WHERE status = 'ACCEPTED' AND submission_year = :year"
                        + " AND submission_month = :month AND zone_id IN (:zones)")
                .param("year", year)
                .param("month", month)
                .param("zones", List.copyOf(zoneIds))
                .query(this::stored)
                .list()
                .forEach(submission -> accepted.put(
                        submission.zoneId(),
                        new AcceptedMonths.Accepted(submission.id(), submission.position(), submission.figures())));
        return accepted;
    }

    /** The submissions of a zone-month, the latest first. */
    List<Stored> ofMonth(String zoneId, int year, int month) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM submission WHERE zone_id = ? AND submission_year = ?"
                        + " AND submission_month = ? ORDER BY submitted_at DESC, submission_id")
                .params(zoneId, year, month)
                .query(this::stored)
                .list();
    }

    /** The submissions under review (SUBMITTED) of these zones, the longest waiting first. */
    List<Stored> waiting(Collection<String> zoneIds) {
        if (zoneIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM submission WHERE status = 'SUBMITTED' AND zone_id IN (:zones)"
                        + " ORDER BY submitted_at, submission_id")
                .param("zones", List.copyOf(zoneIds))
                .query(this::stored)
                .list();
    }

    List<Review> reviews(String submissionId) {
        return jdbc.sql("SELECT decision, opinion, reviewed_by, reviewed_at FROM submission_review"
                        + " WHERE submission_id = ? ORDER BY sequence_no")
                .param(submissionId)
                .query((row, number) -> new Review(
                        row.getString("decision"),
                        row.getString("opinion"),
                        row.getString("reviewed_by"),
                        row.getObject("reviewed_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static final String COLUMNS =
            "submission_id, zone_id, submission_year, submission_month, as_of, position, position_hash, figures, note,"
                    + " restatement_of, restatement_reason, status, submitted_by, submitted_at";

    private Stored stored(ResultSet row, int number) throws SQLException {
        try {
            return new Stored(
                    row.getString("submission_id"),
                    row.getString("zone_id"),
                    row.getInt("submission_year"),
                    row.getInt("submission_month"),
                    row.getObject("as_of", LocalDate.class),
                    row.getLong("position"),
                    row.getString("position_hash"),
                    (ObjectNode) json.readTree(row.getString("figures")),
                    row.getString("note"),
                    row.getString("restatement_of"),
                    row.getString("restatement_reason"),
                    SubmissionStatus.valueOf(row.getString("status")),
                    row.getString("submitted_by"),
                    row.getObject("submitted_at", OffsetDateTime.class).toInstant());
        } catch (JsonProcessingException notJson) {
            throw new IllegalStateException("submission " + row.getString("submission_id"), notJson);
        }
    }

    /**
     * The figures in one written form: a figure read back from the store may have lost its trailing zeros (1E+6 for
     * 1000000.00), so every decimal is written without them; the rebuilt table then equals the live one.
     */
    private String text(ObjectNode figures) {
        try {
            return json.writeValueAsString(canonical(figures.deepCopy()));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(canonical(field.getValue())));
        } else if (node.isNumber() && !node.isIntegralNumber()) {
            return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
        } else if (node.isBigInteger() || node.isLong()) {
            return DecimalNode.valueOf(node.decimalValue().stripTrailingZeros());
        }
        return node;
    }

    /** As the store keeps the instant: the replay reads it back from there. */
    private static OffsetDateTime moment(Instant at) {
        return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    record Stored(
            String id,
            String zoneId,
            int year,
            int month,
            LocalDate asOf,
            long position,
            String positionHash,
            ObjectNode figures,
            String note,
            String restatementOf,
            String restatementReason,
            SubmissionStatus status,
            String submittedBy,
            Instant submittedAt) {}

    record Review(String decision, String opinion, String by, Instant at) {}
}
