package cn.zhaoshang.tracker.shared;

/** The command does not fit the current state (HTTP 409). Messages are "中文 / English". */
public class CommandRejected extends RuntimeException {

    public CommandRejected(String message) {
        super(message);
    }
}
