package cn.zhaoshang.tracker.shared;

/** A command names a zone outside the caller's scope (HTTP 403). */
public class OutsideScope extends Forbidden {

    public OutsideScope(String zoneId) {
        super("开发区 %s 不在您的权限范围内 / zone %s is outside your scope".formatted(zoneId, zoneId));
    }
}
