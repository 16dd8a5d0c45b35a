package cn.zhaoshang.tracker.shared;

/** A field whose value is well-formed but names nothing valid, found out beyond bean validation (HTTP 400). */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
