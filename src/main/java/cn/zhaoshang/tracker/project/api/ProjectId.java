package cn.zhaoshang.tracker.project.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Stored and sent as the bare string. */
public record ProjectId(@JsonValue String value) {

    @JsonCreator
    public static ProjectId of(String value) {
        return new ProjectId(value);
    }

    public static ProjectId random() {
        return new ProjectId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
