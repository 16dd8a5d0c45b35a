package cn.zhaoshang.tracker.report;

import static cn.zhaoshang.tracker.shared.BusinessDate.CHINA;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * {@code knownAt} as people type it: an instant with its offset ({@code 2024-01-05T08:00:00+08:00}, {@code …Z}), or a
 * date, which means the start of that day in Beijing time ({@code 2024-01-05} = {@code 2024-01-04T16:00:00Z}).
 */
final class KnownAt {

    private KnownAt() {}

    private static final Instant FIRST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** Within the years 1900 to 9999 (UTC), the range the store's instants can be compared with. */
    static boolean inRange(Instant instant) {
        return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
    }

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
        } catch (DateTimeException | ArithmeticException unreadable) {
            // unreadable, or an instant beyond what an Instant holds (+999999999-12-31T23:59:59-18:00)
            return Optional.empty();
        }
    }
}
