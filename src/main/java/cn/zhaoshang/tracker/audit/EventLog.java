package cn.zhaoshang.tracker.audit;

import static cn.zhaoshang.tracker.shared.BusinessDate.CHINA;

import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.shared.RecordedEvent;
import cn.zhaoshang.tracker.shared.RecordedEvents;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The whole history in global order, each event with who, when, why, its payload and its chain hash. Pages are
 * read by position (the primary key) from a given one onwards or backwards, never by offset, so a page costs the
 * same at the start of the history as after a million events.
 */
@Component
class EventLog implements RecordedEvents {

    private static final DateTimeFormatter STORED_SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** The event types one may filter by, by their simple name. */
    static final List<String> TYPES =
            EventTypes.ALL.stream().map(Class::getSimpleName).toList();

    private static final Map<String, String> STORED_TYPES =
            EventTypes.ALL.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Class::getName));

    private final JdbcClient jdbc;
    private final ObjectMapper exact;
    private final Serializer serializer;
    private final ArrivalLinks arrivals;
    private final String metaDataAsText;
    private final String firstPayloadAsText;

    /** A stored column (UTF-8 JSON in a binary column) as text, in the database's own words. */
    private static String asText(DataSource dataSource, String column) {
        return ShadowTables.postgres(dataSource)
                ? "convert_from(" + column + ", 'UTF8')"
                : "UTF8TOSTRING(" + column + ")";
    }

    EventLog(
            JdbcClient jdbc,
            ObjectMapper json,
            @Qualifier("eventSerializer") Serializer serializer,
            DataSource dataSource,
            ArrivalLinks arrivals) {
        this.jdbc = jdbc;
        this.arrivals = arrivals;
        this.metaDataAsText = asText(dataSource, "e.metaData");
        this.firstPayloadAsText = asText(dataSource, "f.payload");
        // Stored amounts are read as exact decimals, never through double.
        this.exact = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.serializer = serializer;
    }

    /**
     * What an auditor narrows the log to; null means "any". Dates are calendar days in Asia/Shanghai, both
     * included. {@code aggregateId} names a stream and everything about it: the streams under it ({@code
     * project/warning}, {@code zone/2023}, {@code zone/warning-rules}, …) and, for a zone, every stream whose first
     * event names the zone (its projects, their warnings, its submissions).
     */
    record Filter(String type, String recordedBy, String aggregateId, LocalDate from, LocalDate to, Reach reach) {

        static Filter any(Reach reach) {
            return new Filter(null, null, null, null, null, reach);
        }
    }

    /**
     * An entry with its metadata and what happened: {@code what} without the reason, {@code line} the whole sentence
     * (null for a type without a line); {@code counterpart} for an arrival its retraction, for a retraction the
     * arrival it withdraws (null otherwise).
     */
    record Logged(
            Entry entry, JsonNode metaData, Timeline.Line what, Timeline.Line line, Timeline.Counterpart counterpart) {

        /** The project or zone the event is about: the payload's {@code projectId}, else its {@code zoneId}. */
        Subject subject() {
            String project = text(entry.payload(), "projectId");
            return project != null
                    ? new Subject(Subject.Kind.PROJECT, project)
                    : new Subject(Subject.Kind.ZONE, text(entry.payload(), "zoneId"));
        }
    }

    /** What an event is about; {@code id} is null for an event about neither a project nor a zone. */
    record Subject(Kind kind, String id) {
        enum Kind {
            PROJECT,
            ZONE
        }
    }

    /**
     * One line of the log; {@code stored} holds the exact stored bytes and fields the hash covers, from which the
     * readable fields before it are read (the offline check reads them again and compares).
     */
    record Entry(
            long position,
            String aggregateId,
            long sequence,
            String type,
            Instant recordedAt,
            String recordedBy,
            String reason,
            JsonNode payload,
            String hash,
            String previousHash,
            Checkpoint checkpoint,
            Stored stored) {}

    /** The signature of the chain's hash at this event, when a commit ended with it (null otherwise). */
    record Checkpoint(String keyId, String signature) {}

    record Stored(
            String eventIdentifier,
            String aggregateIdentifier,
            long sequenceNumber,
            String type,
            String payloadType,
            String payloadRevision,
            String timeStamp,
            String metaData,
            String payload) {}

    /** Up to {@code limit} entries after {@code position} that the reach sees, in global order. */
    List<Entry> after(long position, int limit, Reach reach) {
        return after(Filter.any(reach), position, limit);
    }

    /** Up to {@code limit} entries after {@code position} that match the filter, in global order. */
    List<Entry> after(Filter filter, long position, int limit) {
        return filtered(
                        "SELECT " + prefixed() + ", h.hash, " + PREVIOUS_HASH + ", c.key_id, c.signature"
                                + " FROM DomainEventEntry e LEFT JOIN event_hash h ON h.position = e.globalIndex"
                                + " LEFT JOIN chain_checkpoint c ON c.position = e.globalIndex",
                        filter,
                        position,
                        null,
                        " ORDER BY e.globalIndex LIMIT :limit")
                .param("limit", limit)
                .query((row, number) -> entry(
                        StoredEvent.from(row),
                        row.getString("hash"),
                        row.getString("previous_hash"),
                        row.getString("key_id") == null
                                ? null
                                : new Checkpoint(row.getString("key_id"), row.getString("signature"))))
                .list();
    }

    /**
     * The chain hash of the event before, whoever's it is: an export of a scope leaves other zones' events out, and
     * each line then still says which hash its own follows from (the offline check counts the gaps).
     */
    private static final String PREVIOUS_HASH = "(SELECT hp.hash FROM event_hash hp WHERE hp.position < e.globalIndex"
            + " ORDER BY hp.position DESC LIMIT 1) AS previous_hash";

    /**
     * Up to {@code limit} entries matching the filter, in global order: the first ones after {@code after}, or, when
     * {@code before} is given, the last ones before it.
     */
    List<Logged> page(Filter filter, long after, Long before, int limit) {
        boolean backwards = before != null;
        List<Logged> page = new ArrayList<>(logged(filtered(
                        "SELECT " + prefixed() + ", h.hash FROM DomainEventEntry e"
                                + " LEFT JOIN event_hash h ON h.position = e.globalIndex",
                        filter,
                        after,
                        before,
                        " ORDER BY e.globalIndex" + (backwards ? " DESC" : "") + " LIMIT :limit")
                .param("limit", limit)
                .query((row, number) -> new Hashed(StoredEvent.from(row), row.getString("hash")))
                .list()));
        if (backwards) {
            Collections.reverse(page);
        }
        return page;
    }

    /** Hands the position of every entry matching the filter, up to {@code upTo} included, in global order. */
    void positions(Filter filter, long upTo, java.util.function.LongConsumer each) {
        filtered("SELECT e.globalIndex FROM DomainEventEntry e", filter, 0, upTo + 1, " ORDER BY e.globalIndex")
                .query((RowCallbackHandler) row -> each.accept(row.getLong(1)));
    }

    /** Whether any entry matching the filter lies strictly between the two positions. */
    boolean any(Filter filter, long after, Long before) {
        return filtered("SELECT e.globalIndex FROM DomainEventEntry e", filter, after, before, " LIMIT 1")
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /** The event at {@code position}, if the reach sees it. */
    Optional<Logged> at(long position, Reach reach) {
        return logged(filtered(
                                "SELECT " + prefixed() + ", h.hash FROM DomainEventEntry e"
                                        + " LEFT JOIN event_hash h ON h.position = e.globalIndex",
                                Filter.any(reach),
                                position - 1,
                                position + 1,
                                "")
                        .query((row, number) -> new Hashed(StoredEvent.from(row), row.getString("hash")))
                        .list())
                .stream()
                .findFirst();
    }

    @Override
    public List<RecordedEvent> at(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        List<Logged> events = logged(jdbc.sql("SELECT " + prefixed() + ", h.hash FROM DomainEventEntry e"
                        + " LEFT JOIN event_hash h ON h.position = e.globalIndex"
                        + " WHERE e.globalIndex IN (:positions) ORDER BY e.globalIndex")
                .param("positions", List.copyOf(positions))
                .query((row, number) -> new Hashed(StoredEvent.from(row), row.getString("hash")))
                .list());
        Map<Subject, String> names = names(events.stream().map(Logged::subject).toList());
        return events.stream()
                .map(logged -> new RecordedEvent(
                        logged.entry().position(),
                        logged.entry().type(),
                        logged.entry().aggregateId(),
                        names.get(logged.subject()),
                        logged.entry().recordedAt(),
                        logged.entry().recordedBy(),
                        logged.line() == null ? null : logged.line().zh(),
                        logged.line() == null ? null : logged.line().en()))
                .toList();
    }

    /**
     * The names people know the subjects by: a project by the name it was signed under, a zone by its registered
     * name, both read from the first event of their stream. A subject without one is left out.
     */
    Map<Subject, String> names(Collection<Subject> subjects) {
        List<String> ids = subjects.stream()
                .map(Subject::id)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Subject, String> names = new HashMap<>();
        jdbc.sql("SELECT aggregateIdentifier, payloadType, payload FROM DomainEventEntry"
                        + " WHERE sequenceNumber = 0 AND payloadType IN (:types) AND aggregateIdentifier IN (:ids)")
                .param("types", List.of(ProjectSigned.class.getName(), ZoneRegistered.class.getName()))
                .param("ids", ids)
                .query((RowCallbackHandler) row -> names.put(
                        new Subject(
                                ProjectSigned.class.getName().equals(row.getString("payloadType"))
                                        ? Subject.Kind.PROJECT
                                        : Subject.Kind.ZONE,
                                row.getString("aggregateIdentifier")),
                        text(read(row.getBytes("payload")), "name")));
        return names;
    }

    /** An unknown type matches nothing; recordedBy is matched in the stored metadata, the days by stored instant. */
    private JdbcClient.StatementSpec filtered(
            String select, Filter filter, long after, Long before, String orderAndLimit) {
        StringBuilder where = new StringBuilder(" WHERE e.globalIndex > :after");
        Map<String, Object> params = new HashMap<>();
        params.put("after", after);
        if (before != null) {
            where.append(" AND e.globalIndex < :before");
            params.put("before", before);
        }
        seenBy(filter.reach(), where, params);
        if (filter.type() != null) {
            where.append(" AND e.payloadType = :type");
            params.put("type", STORED_TYPES.getOrDefault(filter.type(), "-"));
        }
        if (filter.aggregateId() != null) {
            about(filter.aggregateId(), where, params);
        }
        if (filter.recordedBy() != null) {
            where.append(" AND " + metaDataAsText + " LIKE :by ESCAPE '\\'");
            params.put("by", "%" + likeLiteral("\"recordedBy\":" + jsonString(filter.recordedBy())) + "%");
        }
        // Stored instants are ISO-8601 in UTC; a bound without zone or fraction compares right as text with both.
        if (filter.from() != null) {
            where.append(" AND e.timeStamp >= :from");
            params.put("from", storedSecond(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND e.timeStamp < :to");
            params.put("to", storedSecond(filter.to().plusDays(1)));
        }
        JdbcClient.StatementSpec statement = jdbc.sql(select + where + orderAndLimit);
        params.forEach(statement::param);
        return statement;
    }

    /**
     * The stream itself, the streams under it, and for a zone the streams whose first event names it. Read from the
     * stored events alone, not from a read model an auditor may be checking: a project belongs to the zone its
     * signing names (no event moves a project), its warnings to the zone their first warning names. The first events
     * are found by a scan of the store's first events, inside the database; the page stays bounded by its limit.
     */
    private void about(String id, StringBuilder where, Map<String, Object> params) {
        where.append(" AND (e.aggregateIdentifier = :aggregate OR e.aggregateIdentifier LIKE :under ESCAPE '\\'");
        params.put("aggregate", id);
        params.put("under", likeLiteral(id) + "/%");
        if (isZone(id)) {
            where.append(" OR e.aggregateIdentifier IN (SELECT f.aggregateIdentifier FROM DomainEventEntry f"
                    + " WHERE f.sequenceNumber = 0 AND " + firstPayloadAsText + " LIKE :naming ESCAPE '\\')");
            params.put("naming", "%" + likeLiteral("\"zoneId\":" + jsonString(id)) + "%");
        }
        where.append(")");
    }

    private boolean isZone(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry"
                                + " WHERE aggregateIdentifier = :id AND sequenceNumber = 0 AND payloadType = :zone")
                        .param("id", id)
                        .param("zone", ZoneRegistered.class.getName())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The events of the reach's zones: each zone's own streams ({@code zone}, {@code zone/…}: targets, warning
     * rules), its projects' ({@code project}, {@code project/warning}, found in the project list) and its monthly
     * submissions'.
     * Events of no zone (users' grants, {@code user:…}) for a province-wide reach.
     */
    private static void seenBy(Reach reach, StringBuilder where, Map<String, Object> params) {
        if (reach.everyZone() && reach.provinceWide()) {
            return;
        }
        if (reach.zones().isEmpty() && !reach.provinceWide()) {
            where.append(" AND 1 = 0");
            return;
        }
        // an IN list needs one element: no zone id is empty
        params.put("zones", reach.zones().isEmpty() ? List.of("") : List.copyOf(reach.zones()));
        where.append(" AND (e.aggregateIdentifier IN (:zones)"
                + " OR e.aggregateIdentifier IN (SELECT project_id FROM project_summary WHERE zone_id IN (:zones))"
                + " OR e.aggregateIdentifier IN"
                + " (SELECT project_id || '/warning' FROM project_summary WHERE zone_id IN (:zones))"
                + " OR e.aggregateIdentifier IN (SELECT submission_id FROM submission WHERE zone_id IN (:zones))");
        int child = 0;
        for (String zone : reach.zones()) {
            where.append(" OR e.aggregateIdentifier LIKE :child" + child + " ESCAPE '\\'");
            params.put("child" + child, likeLiteral(zone) + "/%");
            child++;
        }
        if (reach.provinceWide()) {
            where.append(" OR e.aggregateIdentifier LIKE 'user:%'");
        }
        where.append(")");
    }

    private static String storedSecond(LocalDate day) {
        return day.atStartOfDay(CHINA).withZoneSameInstant(ZoneOffset.UTC).format(STORED_SECOND);
    }

    private String jsonString(String text) {
        try {
            return exact.writeValueAsString(text);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Hashed(StoredEvent event, String hash) {}

    /** The events with their lines; an arrival or a retraction names its counterpart, wherever that stands. */
    private List<Logged> logged(List<Hashed> events) {
        Map<String, Timeline.Counterpart> counterparts = arrivals.in(events.stream()
                .filter(hashed -> ArrivalLinks.TYPES.contains(hashed.event().payloadType()))
                .map(hashed -> hashed.event().aggregateIdentifier())
                .collect(Collectors.toSet()));
        return events.stream()
                .map(hashed -> logged(
                        hashed.event(),
                        hashed.hash(),
                        counterparts.get(hashed.event().eventIdentifier())))
                .toList();
    }

    private Logged logged(StoredEvent event, String hash, Timeline.Counterpart counterpart) {
        Entry entry = entry(event, hash);
        Timeline.Line what = null;
        Timeline.Line line = null;
        if (Timeline.DESCRIBED.contains(event.payloadType())) {
            Object payload = serializer.deserialize(new SimpleSerializedObject<>(
                    event.payload(), byte[].class, event.payloadType(), event.payloadRevision()));
            what = Timeline.what(payload, counterpart);
            line = Timeline.of(payload, entry.recordedAt(), entry.recordedBy(), counterpart);
        }
        return new Logged(entry, read(event.metaData()), what, line, counterpart);
    }

    private Entry entry(StoredEvent event, String hash) {
        return entry(event, hash, null, null);
    }

    private Entry entry(StoredEvent event, String hash, String previousHash, Checkpoint checkpoint) {
        JsonNode metaData = read(event.metaData());
        JsonNode payload = read(event.payload());
        String type = event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1);
        return new Entry(
                event.position(),
                event.aggregateIdentifier(),
                event.sequenceNumber(),
                type,
                Instant.parse(event.timeStamp()),
                text(metaData, "recordedBy"),
                text(payload, "reason"),
                payload,
                hash,
                previousHash,
                checkpoint,
                new Stored(
                        event.eventIdentifier(),
                        event.aggregateIdentifier(),
                        event.sequenceNumber(),
                        event.type(),
                        event.payloadType(),
                        event.payloadRevision(),
                        event.timeStamp(),
                        event.metaData() == null ? null : Base64.getEncoder().encodeToString(event.metaData()),
                        Base64.getEncoder().encodeToString(event.payload())));
    }

    private JsonNode read(byte[] json) {
        try {
            return json == null ? null : exact.readTree(json);
        } catch (IOException notJson) {
            throw new UncheckedIOException(notJson);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String prefixed() {
        return "e." + StoredEvent.COLUMNS.replace(", ", ", e.");
    }
}
