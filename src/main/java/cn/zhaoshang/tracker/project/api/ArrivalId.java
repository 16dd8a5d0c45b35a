package cn.zhaoshang.tracker.project.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** Stored and sent as the bare string. */
public record ArrivalId(@JsonValue String value) {

    @JsonCreator
    public static ArrivalId of(String value) {
        return new ArrivalId(value);
    }

    public static ArrivalId random() {
        return new ArrivalId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
