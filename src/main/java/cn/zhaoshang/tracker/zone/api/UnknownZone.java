package cn.zhaoshang.tracker.zone.api;

import cn.zhaoshang.tracker.shared.NotFound;

public class UnknownZone extends NotFound {

    public UnknownZone(String zoneId) {
        super("开发区 %s 不存在 / unknown zone %s".formatted(zoneId, zoneId));
    }
}
