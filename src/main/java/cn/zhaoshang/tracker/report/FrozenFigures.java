package cn.zhaoshang.tracker.report;

import cn.zhaoshang.tracker.shared.WrittenFigures;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The figures a monthly submission froze (the zone-year report's JSON without its clocks), read back: in words for
 * the submission pages, and as the report the dashboard's tiles are drawn from. A snapshot holds every figure of
 * {@link Caliber} but the cohort's, which the zone-year report does not carry.
 */
@Component
class FrozenFigures implements WrittenFigures {

    static final List<Caliber> HELD = Arrays.stream(Caliber.values())
            .filter(figure -> figure.group() != Caliber.Group.COHORT)
            .toList();

    private final CaliberTexts calibers;
    private final ObjectMapper json;

    FrozenFigures(CaliberTexts calibers, ObjectMapper json) {
        this.calibers = calibers;
        // a field the report has since lost or gained must not make an accepted month unreadable
        this.json = json.copy()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    @Override
    public List<Figure> all(ObjectNode figures, Locale locale) {
        return HELD.stream()
                .map(figure -> written(figure, value(figure, figures), locale))
                .toList();
    }

    @Override
    public Figure one(String key, JsonNode value, Locale locale) {
        return HELD.stream()
                .filter(figure -> figure.key().equals(key))
                .findFirst()
                .map(figure -> written(figure, number(value), locale))
                .orElseGet(() -> new Figure(key, "", key, value == null || value.isNull() ? "—" : value.asText(), ""));
    }

    /** The frozen figures as the zone-year report they were taken from, its clocks put back. */
    ZoneYearReport report(ObjectNode figures, int year, LocalDate asOf, long position) {
        ObjectNode whole = figures.deepCopy();
        whole.put("year", year);
        whole.put("asOf", asOf.toString());
        whole.put("position", position);
        return json.convertValue(whole, ZoneYearReport.class);
    }

    private Figure written(Caliber figure, BigDecimal value, Locale locale) {
        return new Figure(
                figure.key(),
                calibers.group(figure.group(), locale),
                calibers.label(figure, locale),
                calibers.value(figure, value, locale),
                calibers.definition(figure, locale));
    }

    private static BigDecimal value(Caliber figure, ObjectNode figures) {
        if (figure == Caliber.CITY_RANK) {
            BigDecimal foreign = number(figures.get("foreignCapitalArrivedUsd"));
            BigDecimal rank = number(at(figures, figure.key()));
            return foreign == null || rank == null ? null : count(Caliber.rankShown(foreign, rank.intValue()));
        }
        return number(at(figures, figure.key()));
    }

    private static JsonNode at(ObjectNode figures, String key) {
        return figures.at(JsonPointer.compile("/" + key.replace('.', '/')));
    }

    private static BigDecimal number(JsonNode value) {
        return value == null || !value.isNumber() ? null : value.decimalValue();
    }

    private static BigDecimal count(Integer value) {
        return value == null ? null : BigDecimal.valueOf(value);
    }
}
