package cn.zhaoshang.tracker.audit;

import cn.zhaoshang.tracker.pages.PageInput;
import cn.zhaoshang.tracker.shared.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A sample's parameters as typed, on the page or in the API, checked once for both, with the same messages. */
@Component
class SampleRequests {

    private static final Pattern ZONE = Pattern.compile("[a-z0-9-]{1,40}");

    private final Samples samples;
    private final MessageSource messages;

    SampleRequests(Samples samples, MessageSource messages) {
        this.samples = samples;
        this.messages = messages;
    }

    record Error(String field, String key) {}

    /** The completed request, or the errors (then the request is null). */
    record Checked(Samples.Request request, List<Error> errors) {}

    Checked check(String of, String size, String seed, String atPosition, String zone, String type) {
        List<Error> errors = new ArrayList<>();
        Samples.Of population = null;
        if (of == null || of.isBlank()) {
            population = Samples.Of.EVENTS;
        } else {
            try {
                population = Samples.Of.valueOf(of.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                errors.add(new Error("of", "audit.sample.error.of"));
            }
        }
        Long count = number(size, "size", 1, Samples.LARGEST, errors);
        Long seedGiven = number(seed, "seed", 0, Long.MAX_VALUE, errors);
        Long position = number(atPosition, "atPosition", 1, Long.MAX_VALUE, errors);
        String zoneGiven = Text.stripped(zone);
        if (zoneGiven != null && !ZONE.matcher(zoneGiven).matches()) {
            errors.add(new Error("zone", "audit.sample.error.zone"));
        }
        String typeGiven = Text.stripped(type);
        if (typeGiven != null && !EventLog.TYPES.contains(typeGiven)) {
            errors.add(new Error("type", "audit.sample.error.type"));
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        Samples.Request request = samples.complete(
                population, count == null ? 10 : count.intValue(), seedGiven, position, zoneGiven, typeGiven);
        return new Checked(request, errors);
    }

    String message(Error error, Locale locale) {
        return messages.getMessage(error.key(), new Object[] {Samples.LARGEST}, locale);
    }

    /** The query that draws the same sample again. */
    static String query(Samples.Request request) {
        StringBuilder query = new StringBuilder("of=%s&size=%d&seed=%d&atPosition=%d"
                .formatted(
                        request.of().name().toLowerCase(Locale.ROOT),
                        request.size(),
                        request.seed(),
                        request.atPosition()));
        if (request.zone() != null) {
            query.append("&zone=").append(request.zone());
        }
        if (request.of() == Samples.Of.EVENTS && request.type() != null) {
            query.append("&type=").append(request.type());
        }
        return query.toString();
    }

    private static Long number(String text, String field, long least, long most, List<Error> errors) {
        PageInput input = new PageInput();
        Long value = input.number(text, least, most, field);
        if (!input.valid()) {
            errors.add(new Error(field, "audit.sample.error." + field));
        }
        return value;
    }
}
