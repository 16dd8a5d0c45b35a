package cn.zhaoshang.tracker.warning;

import cn.zhaoshang.tracker.warning.api.WarningRules;

/** The rules in force for a zone: as last set, or the defaults. */
interface RuleBook {

    WarningRules of(String zoneId);
}
