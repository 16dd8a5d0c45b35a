package cn.zhaoshang.tracker.report;

/** What a fact row records; its business date is the date the fact happened. */
enum FactKind {
    /** 签约: amount = signed contract investment (CNY). */
    SIGNING,
    /** 增资/减资: amount = the new contracted total; the change is derived against the previous total. */
    AMENDMENT,
    LANDING,
    PRODUCTION,
    TERMINATION,
    /** 实际到位: amount in USD (FOREIGN) or CNY (DOMESTIC). */
    ARRIVAL
}
