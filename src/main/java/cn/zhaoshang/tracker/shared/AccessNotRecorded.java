package cn.zhaoshang.tracker.shared;

/** A read that could not be put on the record, and is therefore not answered (HTTP 503). */
public class AccessNotRecorded extends RuntimeException {

    public AccessNotRecorded(Throwable cause) {
        super("访问记录无法登记，未发送内容，请稍后再试 / the access could not be recorded, nothing was sent; try again later", cause);
    }
}
