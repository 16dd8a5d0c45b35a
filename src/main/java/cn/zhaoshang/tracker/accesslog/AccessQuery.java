package cn.zhaoshang.tracker.accesslog;

import cn.zhaoshang.tracker.shared.AccessRecords.Kind;
import cn.zhaoshang.tracker.shared.Reach;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A page of the access log as a reader may see it: rows about a zone in its reach, rows about no zone (sign-ins,
 * whole-store reads) only for a province's readers, and the reader's own rows always. Oldest first after
 * {@code after}, or newest first before {@code before}.
 *
 * @param from the first instant included, or null
 * @param until the first instant no longer included, or null
 */
record AccessQuery(
        Kind kind,
        String username,
        String zoneId,
        Instant from,
        Instant until,
        Long after,
        Long before,
        int limit,
        Reach reach,
        String reader) {

    record Sql(String text, List<Object> parameters) {}

    /** The same query for more rows: one beyond a page tells whether another page follows. */
    AccessQuery withLimit(int rows) {
        return new AccessQuery(kind, username, zoneId, from, until, after, before, rows, reach, reader);
    }

    Sql sql() {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (kind != null) {
            where.append(" AND kind = ?");
            parameters.add(kind.name());
        }
        if (username != null) {
            where.append(" AND username = ?");
            parameters.add(username);
        }
        if (zoneId != null) {
            where.append(" AND zone_id = ?");
            parameters.add(zoneId);
        }
        if (from != null) {
            where.append(" AND recorded_at >= ?");
            parameters.add(Timestamp.from(from));
        }
        if (until != null) {
            where.append(" AND recorded_at < ?");
            parameters.add(Timestamp.from(until));
        }
        if (after != null) {
            where.append(" AND id > ?");
            parameters.add(after);
        }
        if (before != null) {
            where.append(" AND id < ?");
            parameters.add(before);
        }
        visible(where, parameters);
        String order = before != null ? " ORDER BY id DESC" : " ORDER BY id";
        parameters.add(limit);
        return new Sql(
                "SELECT id, recorded_at, node, username, kind, zone_id, period, position, content_hash, parameters,"
                        + " outcome FROM access_record" + where + order + " LIMIT ?",
                List.copyOf(parameters));
    }

    private void visible(StringBuilder where, List<Object> parameters) {
        if (reach.everyZone() && reach.provinceWide()) {
            return;
        }
        List<String> alternatives = new ArrayList<>();
        if (reach.everyZone()) {
            alternatives.add("zone_id IS NOT NULL");
        } else if (!reach.zones().isEmpty()) {
            alternatives.add("zone_id IN ("
                    + String.join(", ", reach.zones().stream().map(zone -> "?").toList()) + ")");
            parameters.addAll(reach.zones().stream().sorted().toList());
        }
        if (reach.provinceWide()) {
            alternatives.add("zone_id IS NULL");
        }
        if (reader != null) {
            alternatives.add("username = ?");
            parameters.add(reader);
        }
        where.append(alternatives.isEmpty() ? " AND 1 = 0" : " AND (" + String.join(" OR ", alternatives) + ")");
    }
}
