package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.pages.Shown;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The months the submission pages offer and how they name one: 2023年6月, 2023-06. */
@Component
class PageMonths {

    private final MessageSource messages;
    private final Clock clock;
    private final Shown shown;

    PageMonths(MessageSource messages, Clock clock, Shown shown) {
        this.messages = messages;
        this.clock = clock;
        this.shown = shown;
    }

    /** The month shown when none is chosen: the last that has ended, the first a zone can submit. */
    YearMonth lastEnded() {
        return YearMonth.now(clock).minusMonths(1);
    }

    /** This year and the nine before it, the latest first. */
    List<Integer> years() {
        int now = LocalDate.now(clock).getYear();
        return IntStream.rangeClosed(now - 9, now)
                .boxed()
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    String label(int year, int month, Locale locale) {
        return shown.month(year, month, locale);
    }

    String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
