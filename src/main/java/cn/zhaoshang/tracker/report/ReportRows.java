package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.platform.ProcessorProgress;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the report rows as they were believed at a position: {@code recorded_position <= P} and not yet superseded
 * at P. Every report goes through here, so the same position always gives the same rows.
 */
@Component
class ReportRows {

    private static final String BELIEVED_AT =
            " recorded_position <= :p AND (superseded_position IS NULL OR superseded_position > :p)";

    private final JdbcClient jdbc;
    private final ProcessorProgress progress;

    ReportRows(JdbcClient jdbc, ProcessorProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    /**
     * The last position up to which the projection has handled every event, empty before it has started. Its
     * segments handle different projects and may stand at different positions; the rows beyond the slowest one are
     * not yet a state the history was ever in.
     */
    Optional<Long> head() {
        OptionalLong passed = progress.everySegmentPassed(ReportProjection.PROCESSOR);
        return passed.isPresent() ? Optional.of(passed.getAsLong()) : Optional.empty();
    }

    /**
     * The end of the longest stretch of history, up to {@code head}, that had all been recorded at the instant: the
     * last position before the first event recorded after it. Two commands may commit in the other order than they
     * were stamped, so "every position recorded by then" would not be a prefix of the history and could not be
     * reproduced by {@code atPosition}; the prefix never counts anything recorded after {@code knownAt}. Beyond the
     * head a segment may not have recorded its positions yet.
     */
    Optional<Long> positionKnownAt(Instant knownAt, long head) {
        return jdbc.sql(
                        """
                SELECT MAX(position) FROM report_position WHERE position <= :head AND position < COALESCE(
                    (SELECT MIN(position) FROM report_position WHERE recorded_at > :knownAt AND position <= :head),
                    9223372036854775807)""")
                .param("head", head)
                .param("knownAt", knownAt.atOffset(ZoneOffset.UTC))
                .query(ReportRows::nullableLong);
    }

    /** The recording instant of the event at a position the projection has seen. */
    Optional<Instant> recordedAt(long position) {
        return jdbc.sql("SELECT recorded_at FROM report_position WHERE position = ?")
                .param(position)
                .query((row, number) -> row.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    Optional<Zone> zone(String zoneId, long position) {
        return jdbc.sql("SELECT " + ZONE_COLUMNS + " FROM report_zone WHERE zone_id = ? AND recorded_position <= ?")
                .params(zoneId, position)
                .query(ZONE)
                .optional();
    }

    List<Zone> zones(long position) {
        return jdbc.sql("SELECT " + ZONE_COLUMNS
                        + " FROM report_zone WHERE recorded_position <= ? ORDER BY city, zone_id")
                .param(position)
                .query(ZONE)
                .list();
    }

    List<Zone> zonesOfCity(String city, long position) {
        return zonesWhere("city", city, position);
    }

    List<Zone> zonesOfProvince(String province, long position) {
        return zonesWhere("province", province, position);
    }

    /** The zones registered by the position whose {@code column} (city or province) is {@code value}. */
    private List<Zone> zonesWhere(String column, String value, long position) {
        return jdbc.sql("SELECT " + ZONE_COLUMNS + " FROM report_zone WHERE " + column
                        + " = ? AND recorded_position <= ?" + " ORDER BY city, zone_id")
                .params(value, position)
                .query(ZONE)
                .list();
    }

    /**
     * The zone's facts dated up to {@code until}, plus all its amendments whatever their date (the change an
     * amendment makes is measured against the amendment recorded before it).
     */
    List<Fact> facts(String zoneId, LocalDate until, long position) {
        return jdbc.sql(
                        """
                SELECT project_id, kind, business_date, amount, capital_kind, top500, industry, project_name,
                       investor_name, recorded_position
                FROM report_fact
                WHERE zone_id = :zone AND (business_date <= :until OR kind = 'AMENDMENT') AND"""
                                + BELIEVED_AT
                                + " ORDER BY recorded_position, fact_id")
                .param("zone", zoneId)
                .param("until", until)
                .param("p", position)
                .query(ReportRows::fact)
                .list();
    }

    /**
     * The rows the zone-year figures need: the zone's facts dated in the window, plus its amendments whatever their
     * date and the earlier signings of the amended projects (an amendment counts as the change from the total
     * before it). Same rows, in the same order, as {@link #facts} keeps for the figures, without the years before.
     */
    List<Fact> yearFacts(String zoneId, LocalDate from, LocalDate until, long position) {
        return jdbc.sql(
                        """
                SELECT project_id, kind, business_date, amount, capital_kind, top500, industry, project_name,
                       investor_name, recorded_position, fact_id
                FROM report_fact
                WHERE zone_id = :zone AND business_date BETWEEN :from AND :until AND kind <> 'AMENDMENT' AND"""
                                + BELIEVED_AT
                                + """

                UNION ALL
                SELECT project_id, kind, business_date, amount, capital_kind, top500, industry, project_name,
                       investor_name, recorded_position, fact_id
                FROM report_fact f
                WHERE zone_id = :zone AND (kind = 'AMENDMENT' OR (kind = 'SIGNING' AND business_date < :from
                    AND EXISTS (SELECT 1 FROM report_fact a WHERE a.project_id = f.project_id AND a.kind = 'AMENDMENT')))
                  AND"""
                                + BELIEVED_AT
                                + " ORDER BY 10, 11")
                .param("zone", zoneId)
                .param("from", from)
                .param("until", until)
                .param("p", position)
                .query(ReportRows::fact)
                .list();
    }

    /**
     * The last position at or before {@code position} that recorded or superseded a fact of the zone: the zone's
     * facts believed at {@code position} are exactly those believed at that position, so figures computed there hold.
     * The projection keeps the zone's latest change; only a report at an earlier position (knownAt, atPosition)
     * has to look for the change before it among the zone's rows.
     */
    long lastChange(String zoneId, long position) {
        long latest = jdbc.sql("SELECT last_position FROM report_zone_change WHERE zone_id = ?")
                .param(zoneId)
                .query(Long.class)
                .optional()
                .orElse(0L);
        if (latest <= position) {
            return latest;
        }
        return jdbc.sql(
                        """
                SELECT GREATEST(
                    COALESCE(MAX(CASE WHEN recorded_position <= :p THEN recorded_position END), 0),
                    COALESCE(MAX(CASE WHEN superseded_position <= :p THEN superseded_position END), 0))
                FROM report_fact WHERE zone_id = :zone""")
                .param("zone", zoneId)
                .param("p", position)
                .query(Long.class)
                .single();
    }

    Targets targets(String zoneId, int year, long position) {
        return jdbc.sql(
                        """
                SELECT contract_investment_cny, foreign_capital_usd, project_count FROM report_target
                WHERE zone_id = :zone AND target_year = :year AND"""
                                + BELIEVED_AT)
                .param("zone", zoneId)
                .param("year", year)
                .param("p", position)
                .query(TARGETS)
                .optional()
                .orElse(Targets.NONE);
    }

    /**
     * The zone's fact rows that can move its figures for the window [from, until] followed up to {@code asOf} and
     * that began or ceased to be believed in (after, upTo]: facts dated in the window; the signings and amendments of
     * any date of a project amended in the window (an amendment counts as the change against the total recorded
     * before it); and the facts dated up to {@code asOf} of a project signed in the window (the cohort the pipeline
     * follows), marked {@code cohort}. A row that both began and ceased in between was read by neither report and is
     * left out.
     */
    List<Change> changes(String zoneId, LocalDate from, LocalDate until, LocalDate asOf, long after, long upTo) {
        String cohort = "project_id IN (SELECT project_id FROM report_fact WHERE zone_id = :zone AND kind = 'SIGNING'"
                + " AND business_date BETWEEN :from AND :until)";
        return jdbc.sql(
                        """
                SELECT recorded_position, superseded_position, kind, capital_kind, business_date,
                       CASE WHEN %s THEN 1 ELSE 0 END AS cohort
                FROM report_fact
                WHERE zone_id = :zone
                  AND (business_date BETWEEN :from AND :until
                       OR (kind IN ('SIGNING', 'AMENDMENT') AND project_id IN (
                           SELECT project_id FROM report_fact WHERE zone_id = :zone AND kind = 'AMENDMENT'
                             AND business_date BETWEEN :from AND :until))
                       OR (business_date <= :asOf AND %s))
                  AND ((recorded_position > :after AND recorded_position <= :upTo)
                       OR (superseded_position > :after AND superseded_position <= :upTo))
                  AND NOT (recorded_position > :after AND superseded_position IS NOT NULL
                           AND superseded_position <= :upTo)
                ORDER BY recorded_position, fact_id"""
                                .formatted(cohort, cohort))
                .param("zone", zoneId)
                .param("from", from)
                .param("until", until)
                .param("asOf", asOf)
                .param("after", after)
                .param("upTo", upTo)
                .query(CHANGE)
                .list();
    }

    /** The positions in (after, upTo] that set or replaced the zone's target for the year. */
    List<Long> targetChanges(String zoneId, int year, long after, long upTo) {
        return jdbc.sql(
                        """
                SELECT recorded_position FROM report_target
                WHERE zone_id = :zone AND target_year = :year AND recorded_position > :after
                  AND recorded_position <= :upTo
                ORDER BY recorded_position""")
                .param("zone", zoneId)
                .param("year", year)
                .param("after", after)
                .param("upTo", upTo)
                .query(Long.class)
                .list();
    }

    /**
     * Rows are mapped by column position: JdbcClient's record mapping looks every camelCase property up as a column
     * name first, and H2 logs each miss with a stack trace to its trace file, on every row.
     */
    private static final String ZONE_COLUMNS = "zone_id, name, city, province";

    private static final RowMapper<Zone> ZONE =
            (row, number) -> new Zone(row.getString(1), row.getString(2), row.getString(3), row.getString(4));

    private static final RowMapper<Change> CHANGE = (row, number) -> new Change(
            row.getLong(1),
            row.getObject(2, Long.class),
            FactKind.valueOf(row.getString(3)),
            row.getString(4),
            row.getObject(5, LocalDate.class),
            row.getInt(6) == 1);

    private static final RowMapper<Targets> TARGETS =
            (row, number) -> new Targets(row.getBigDecimal(1), row.getBigDecimal(2), row.getObject(3, Integer.class));

    private static Fact fact(ResultSet row, int number) throws SQLException {
        return new Fact(
                row.getString(1),
                FactKind.valueOf(row.getString(2)),
                row.getObject(3, LocalDate.class),
                row.getBigDecimal(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getString(9),
                row.getLong(10));
    }

    /** MAX over no rows is one row holding NULL. */
    private static Optional<Long> nullableLong(ResultSet result) throws SQLException {
        return result.next() ? Optional.ofNullable(result.getObject(1, Long.class)) : Optional.empty();
    }

    record Zone(String zoneId, String name, String city, String province) {}

    /**
     * A fact row's belief interval and what it records; {@code cohort} when its project was signed in the window
     * asked about.
     */
    record Change(
            long recordedPosition,
            Long supersededPosition,
            FactKind kind,
            String capitalKind,
            LocalDate businessDate,
            boolean cohort) {}

    record Targets(BigDecimal contractInvestmentCny, BigDecimal foreignCapitalUsd, Integer projectCount) {
        static final Targets NONE = new Targets(null, null, null);
    }
}
