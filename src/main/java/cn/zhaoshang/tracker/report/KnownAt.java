package cn.zhaoshang.tracker.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code knownAt} as people type it: an instant with its offset ({@code 2024-01-05T08:00:00+08:00}, {@code …Z}), or a
 * date, which means the start of that day in Beijing time ({@code 2024-01-05} = {@code 2024-01-04T16:00:00Z}).
 */
final class KnownAt {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private KnownAt() {}

    /** Empty for null and for text that is neither. */
    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return Optional.of(LocalDate.parse(value).atStartOfDay(CHINA).toInstant());
            }
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }
}
