package cn.zhaoshang.tracker.shared;

import java.time.Instant;
import java.util.Locale;

/**
 * One stored event as a reader sees it: who recorded what when, as one line in Chinese and English; {@code subject}
 * is the name of the project or zone it is about (null when it is about neither), which its line may not say.
 */
public record RecordedEvent(
        long position,
        String type,
        String aggregateId,
        String subject,
        Instant recordedAt,
        String recordedBy,
        String lineZh,
        String lineEn) {

    /** The readable line in the reader's language, or the event's type when it has no line. */
    public String line(Locale locale) {
        String line = "en".equals(locale.getLanguage()) ? lineEn : lineZh;
        return line == null ? type : line;
    }

    /** Its subject where {@code line} does not name it already (null otherwise), to be shown beside the line. */
    public String subjectUnlessIn(String line) {
        return subject == null || line.contains(subject) ? null : subject;
    }
}
