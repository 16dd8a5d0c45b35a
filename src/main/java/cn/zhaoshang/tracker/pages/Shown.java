package cn.zhaoshang.tracker.pages;

import static cn.zhaoshang.tracker.shared.BusinessDate.CHINA;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the pages write times and messages, one form per language. A business date prints itself as 2023-03-15 (ISO,
 * both languages); an instant is written here as 2023-03-15 14:05:09, Beijing time, in both languages. A message
 * that the rules write "中文 / English" shows the reader's half ({@code ${@shown.half(message)}}). A month is named
 * 2023年6月 or 2023-06 ({@code ${@shown.month(year, month)}}).
 */
@Component("shown")
public class Shown {

    /** Every time on a page is Beijing time; the pages say so once, in their hints. */
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final MessageSource messages;

    Shown(MessageSource messages) {
        this.messages = messages;
    }

    /** An instant to the second, Beijing time: "2023-03-15 14:05:09"; null → "—". */
    public static String moment(Instant instant) {
        return instant == null ? "—" : MOMENT.format(instant.atZone(CHINA));
    }

    /** A month as the reader's language names it: 2023年6月, 2023-06. */
    public String month(int year, int month, Locale locale) {
        return messages.getMessage(
                "submissions.month",
                new Object[] {String.valueOf(year), String.valueOf(month), "%02d".formatted(month)},
                locale);
    }

    /** A month in the request's language, for templates. */
    public String month(int year, int month) {
        return month(year, month, LocaleContextHolder.getLocale());
    }

    /** The reader's half of a "中文 / English" message, in the request's language. */
    public String half(String message) {
        return Bilingual.inLanguageOf(message, LocaleContextHolder.getLocale());
    }
}
