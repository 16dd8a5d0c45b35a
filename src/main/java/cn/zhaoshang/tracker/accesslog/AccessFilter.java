package cn.zhaoshang.tracker.accesslog;

import static cn.zhaoshang.tracker.shared.BusinessDate.CHINA;

import cn.zhaoshang.tracker.shared.AccessRecords.Kind;
import cn.zhaoshang.tracker.shared.InvalidField;
import cn.zhaoshang.tracker.shared.Reach;
import cn.zhaoshang.tracker.shared.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The access log's filter as typed on the page or in the query string, read in one place so that both refuse the
 * same input with the same words ({@link InvalidField}, a 400). Days are Beijing days: {@code from=2024-01-05}
 * starts at 00:00 Beijing time, {@code to} includes its whole day.
 */
record AccessFilter(String kind, String user, String zone, String from, String to) {

    static final int MAX_LIMIT = 1000;
    private static final Pattern ZONE = Pattern.compile("[a-z0-9-]{1,40}");

    AccessFilter {
        kind = Text.stripped(kind);
        user = Text.stripped(user);
        zone = Text.stripped(zone);
        from = Text.stripped(from);
        to = Text.stripped(to);
    }

    /** The same filter for one kind of read, whatever kind was asked for. */
    AccessFilter ofKind(Kind only) {
        return new AccessFilter(only.name(), user, zone, from, to);
    }

    /** The query for a reader; throws {@link InvalidField} naming the first parameter that is wrong. */
    AccessQuery query(Long after, Long before, int limit, Reach reach, String reader) {
        Kind parsedKind = parsedKind();
        if (user != null && user.length() > AccessLog.NAME_LENGTH) {
            throw new InvalidField("user", "用户名最长 64 个字符 / a user name has at most 64 characters");
        }
        if (zone != null && !ZONE.matcher(zone).matches()) {
            throw new InvalidField(
                    "zone", "开发区编号只能包含小写字母、数字和连字符（1-40个） / a zone id is 1-40 lower-case letters, digits and hyphens");
        }
        LocalDate fromDay = day("from", from);
        LocalDate toDay = day("to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw new InvalidField("from", "起始日期晚于截止日期 / from is after to");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidField("limit", "每页 1-1000 条 / limit must be 1-1000");
        }
        Instant start = fromDay == null ? null : fromDay.atStartOfDay(CHINA).toInstant();
        Instant end =
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(CHINA).toInstant();
        return new AccessQuery(parsedKind, user, zone, start, end, after, before, limit, reach, reader);
    }

    /** A page number, an id or a limit as typed: a whole number of at least 0 (or the default when absent). */
    static long number(String name, String value, long absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below in the reader's words
        }
        throw new InvalidField(name, "%s 须为不小于 0 的整数 / %s must be a whole number of at least 0".formatted(name, name));
    }

    private Kind parsedKind() {
        if (kind == null) {
            return null;
        }
        try {
            return Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            String kinds = Arrays.stream(Kind.values()).map(Kind::name).collect(Collectors.joining(", "));
            throw new InvalidField("kind", "类型须为以下之一 / kind must be one of: " + kinds);
        }
    }

    private static LocalDate day(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADay) {
            throw new InvalidField(
                    name,
                    "%s 须为日期，写作 2024-01-05（北京时间） / %s must be a date written 2024-01-05 (Beijing time)"
                            .formatted(name, name));
        }
    }
}
