package cn.zhaoshang.tracker.shared;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * A frozen zone-year's figures (a monthly submission's, {@link ZoneYearSnapshots.Snapshot#figures()}) in the reader's
 * words: each figure's name with its unit, its value written as the dashboard writes it (亿元, 万美元, % of target) and
 * its 口径. The report slice, which defines the figures, answers it; it lives in the kernel so that the submission
 * pages, which the reports read from, show the figures as the reports do.
 */
public interface WrittenFigures {

    /** Every figure the snapshot holds, grouped and ordered as the dashboard's 口径 table. */
    List<Figure> all(ObjectNode figures, Locale locale);

    /** One figure by its key ({@code city.foreignCapitalShare} for a nested one), as a drifted field names it. */
    Figure one(String key, JsonNode value, Locale locale);

    /** {@code value} is "—" where the figure has none (no target set, no rank). */
    record Figure(String key, String group, String label, String value, String definition) {}
}
