package cn.zhaoshang.tracker.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in a month's figures since they were submitted, field by field ({@code city.foreignCapitalShare} for a
 * nested one), each with the positions of the events recorded since that can have moved it. Numbers are compared by
 * value, so 1.50 and 1.5 are the same figure. A city figure can also move by another zone's events, which are not
 * listed: the submission is the zone's, and so are the events it answers for.
 */
final class Drift {

    private Drift() {}

    record Field(String field, JsonNode submitted, JsonNode now, List<Long> events) {}

    static List<Field> between(ObjectNode submitted, ObjectNode now, Map<String, List<Long>> causes) {
        List<Field> drift = new ArrayList<>();
        compare("", submitted, now, causes, drift);
        return drift;
    }

    private static void compare(
            String prefix, JsonNode submitted, JsonNode now, Map<String, List<Long>> causes, List<Field> drift) {
        if (submitted != null && submitted.isObject() && now != null && now.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            submitted.properties().forEach(field -> names.add(field.getKey()));
            now.properties().forEach(field -> names.add(field.getKey()));
            for (String name : names) {
                compare(prefix + name + ".", submitted.get(name), now.get(name), causes, drift);
            }
            return;
        }
        if (!same(submitted, now)) {
            String field = prefix.substring(0, prefix.length() - 1);
            drift.add(new Field(field, submitted, now, causes.getOrDefault(field, List.of())));
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
