package cn.zhaoshang.tracker.platform;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the pages write times and messages, one form per language. A business date prints itself as 2023-03-15 (ISO,
 * both languages); an instant is written here as 2023-03-15 14:05:09, Beijing time, in both languages. A message
 * that the rules write "中文 / English" shows the reader's half ({@code ${@shown.half(message)}}).
 */
@Component("shown")
public class Shown {

    /** Every time on a page is Beijing time; the pages say so once, in their hints. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    /** An instant to the second, Beijing time: "2023-03-15 14:05:09"; null → "—". */
    public static String moment(Instant instant) {
        return instant == null ? "—" : MOMENT.format(instant.atZone(CHINA));
    }

    /** The reader's half of a "中文 / English" message, in the request's language. */
    public String half(String message) {
        return Bilingual.inLanguageOf(message, LocaleContextHolder.getLocale());
    }
}
