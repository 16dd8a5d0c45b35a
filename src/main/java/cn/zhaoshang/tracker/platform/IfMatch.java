package cn.zhaoshang.tracker.platform;

import cn.zhaoshang.tracker.shared.StaleVersion;

/** ETag ⇄ project version. A project's ETag is its version (sequence number of its last event) in quotes. */
public final class IfMatch {

    private IfMatch() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header asks for, or null without the header (or with "*"). */
    public static Long version(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notAVersion) {
            throw new StaleVersion(value);
        }
    }
}
