package cn.zhaoshang.tracker.access.api;

/** What a user may do; where, its {@link cn.zhaoshang.tracker.shared.Scope} says. */
public enum Role {
    /** 招商局: records the projects of its zones, imports ledgers, sets warning rules. */
    BUREAU,
    /** 上级商务部门: assigns annual targets, sets warning rules. */
    REVIEWER,
    /** 领导: reads reports. */
    LEADERSHIP,
    /** 审计: reads everything in scope, verifies the history, rebuilds the read models. */
    AUDITOR,
    /** 系统管理员: users and places; no project data unless also given another role. */
    ADMIN,
    /** The metrics scraper (docs/operations.md): /actuator/prometheus and nothing else. */
    MONITORING
}
