package cn.zhaoshang.tracker.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What changed in a month's figures since they were submitted, field by field ({@code city.foreignCapitalShare} for a
 * nested one). Numbers are compared by value, so 1.50 and 1.5 are the same figure.
 */
final class Drift {

    private Drift() {}

    record Field(String field, JsonNode submitted, JsonNode now) {}

    static List<Field> between(ObjectNode submitted, ObjectNode now) {
        List<Field> drift = new ArrayList<>();
        compare("", submitted, now, drift);
        return drift;
    }

    private static void compare(String prefix, JsonNode submitted, JsonNode now, List<Field> drift) {
        if (submitted != null && submitted.isObject() && now != null && now.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            submitted.properties().forEach(field -> names.add(field.getKey()));
            now.properties().forEach(field -> names.add(field.getKey()));
            for (String name : names) {
                compare(prefix + name + ".", submitted.get(name), now.get(name), drift);
            }
            return;
        }
        if (!same(submitted, now)) {
            drift.add(new Field(prefix.substring(0, prefix.length() - 1), submitted, now));
        }
    }

    private static boolean same(JsonNode submitted, JsonNode now) {
        boolean noneThen = submitted == null || submitted.isNull();
        boolean noneNow = now == null || now.isNull();
        if (noneThen || noneNow) {
            return noneThen == noneNow;
        }
        if (submitted.isNumber() && now.isNumber()) {
            return submitted.decimalValue().compareTo(now.decimalValue()) == 0;
        }
        return submitted.equals(now);
    }
}
