package cn.zhaoshang.tracker.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * An export line's readable fields read again from its {@code stored} bytes, the only part the hash covers: whatever
 * else a line says may have been edited after the export. Numbers in the payload are equal when their values are
 * (the readable payload is written again by the application's JSON writer, which may drop trailing zeros).
 */
final class ReadableFields {

    private ReadableFields() {}

    /** The names of the readable fields that say something other than the stored bytes, in the line's order. */
    static List<String> differing(JsonNode line, ObjectMapper json) {
        JsonNode stored = line.path("stored");
        List<String> differing = new ArrayList<>();
        if (stored.has("aggregateIdentifier")
                && !sameText(line.get("aggregateId"), text(stored, "aggregateIdentifier"))) {
            differing.add("aggregateId");
        }
        if (stored.has("sequenceNumber") && !sameNumber(line.get("sequence"), stored.get("sequenceNumber"))) {
            differing.add("sequence");
        }
        String payloadType = text(stored, "payloadType");
        String simpleName = payloadType == null ? null : payloadType.substring(payloadType.lastIndexOf('.') + 1);
        if (!sameText(line.get("type"), simpleName)) {
            differing.add("type");
        }
        if (!sameInstant(line.get("recordedAt"), text(stored, "timeStamp"))) {
            differing.add("recordedAt");
        }
        JsonNode metaData = parsed(stored, "metaData", json);
        if (metaData == null || !sameText(line.get("recordedBy"), text(metaData, "recordedBy"))) {
            differing.add("recordedBy");
        }
        JsonNode payload = parsed(stored, "payload", json);
        if (payload == null || !sameText(line.get("reason"), text(payload, "reason"))) {
            differing.add("reason");
        }
        JsonNode readable = line.get("payload");
        if (payload == null || readable == null || !readable.equals(BY_VALUE, payload)) {
            differing.add("payload");
        }
        return differing;
    }

    private static final Comparator<JsonNode> BY_VALUE = (one, other) -> one.isNumber() && other.isNumber()
            ? one.decimalValue().compareTo(other.decimalValue())
            : one.equals(other) ? 0 : 1;

    /** The JSON of stored bytes; NullNode for bytes that are missing, null for bytes that are not JSON. */
    private static JsonNode parsed(JsonNode stored, String field, ObjectMapper json) {
        String base64 = text(stored, field);
        try {
            if (base64 == null) {
                return json.nullNode();
            }
            JsonNode read = json.readTree(Base64.getDecoder().decode(base64));
            return read.isMissingNode() ? null : read;
        } catch (IOException | IllegalArgumentException notJson) {
            return null;
        }
    }

    private static boolean sameText(JsonNode readable, String stored) {
        return stored == null
                ? readable == null || readable.isNull()
                : readable != null
                        && readable.isTextual()
                        && readable.textValue().equals(stored);
    }

    private static boolean sameNumber(JsonNode readable, JsonNode stored) {
        return readable != null
                && readable.isIntegralNumber()
                && stored != null
                && stored.isIntegralNumber()
                && readable.longValue() == stored.longValue();
    }

    private static boolean sameInstant(JsonNode readable, String stored) {
        try {
            return readable != null
                    && readable.isTextual()
                    && stored != null
                    && Instant.parse(readable.textValue()).equals(Instant.parse(stored));
        } catch (DateTimeParseException notAnInstant) {
            return false;
        }
    }

    /** A field as the application reads it: any value as its text, a missing or null one as null. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
