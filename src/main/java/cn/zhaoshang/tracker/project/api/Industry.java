package cn.zhaoshang.tracker.project.api;

/** 产业链: the zone's industrial chains. */
public enum Industry {
    /** 盐卤化工. */
    SALT_CHEMICAL,
    /** 精细化工. */
    FINE_CHEMICAL,
    /** 新能源. */
    NEW_ENERGY,
    /** 新材料. */
    NEW_MATERIALS,
    /** 先进装备制造. */
    ADVANCED_EQUIPMENT,
    /** 电子信息. */
    ELECTRONIC_INFORMATION,
    /** 现代物流. */
    LOGISTICS,
    /** 其他. */
    OTHER
}
