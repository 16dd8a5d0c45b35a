package cn.zhaoshang.tracker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** The metric names the alerting rules of docs/prometheus-rules.yml read. */
final class PrometheusRules {

    private static final Set<String> PROMQL_WORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PrometheusRules() {}

    @SuppressWarnings("unchecked")
    static Set<String> metricNames(Path rules) throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(rules));
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                names.addAll(namesIn((String) rule.get("expr")));
            }
        }
        return names;
    }

    /** Identifiers that are neither functions (followed by "("), nor PromQL's words, nor in label matchers or ranges. */
    static Set<String> namesIn(String expr) {
        String bare = expr.replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(bare);
        while (name.find()) {
            String found = name.group();
            boolean function = bare.substring(name.end()).stripLeading().startsWith("(");
            if (!function && !PROMQL_WORDS.contains(found)) {
                names.add(found);
            }
        }
        return names;
    }
}
