package cn.zhaoshang.tracker.project.api;

public enum Stage {
    /** 已签约. */
    SIGNED,
    /** 已落地（开工）. */
    LANDED,
    /** 已投产. */
    IN_PRODUCTION,
    /** 已终止. */
    TERMINATED
}
