package cn.zhaoshang.tracker.shared;

/** A task of which one runs at a time is running; start it again once it has ended (HTTP 409). "中文 / English". */
public class AlreadyRunning extends RuntimeException {

    public AlreadyRunning(String message) {
        super(message);
    }
}
