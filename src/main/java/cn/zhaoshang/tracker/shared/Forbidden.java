package cn.zhaoshang.tracker.shared;

/** The caller may not do this, whatever it sends (HTTP 403). Messages are "中文 / English". */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}
