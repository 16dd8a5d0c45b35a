package cn.zhaoshang.tracker.shared;

/** A zone, project or arrival the command names does not exist (HTTP 404). */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
