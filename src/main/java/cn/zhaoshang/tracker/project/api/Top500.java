package cn.zhaoshang.tracker.project.api;

/** The "三类500强" an investor may belong to. */
public enum Top500 {
    /** 世界500强 (Fortune Global 500). */
    GLOBAL,
    /** 中国500强. */
    CHINA,
    /** 中国民营企业500强. */
    CHINA_PRIVATE
}
