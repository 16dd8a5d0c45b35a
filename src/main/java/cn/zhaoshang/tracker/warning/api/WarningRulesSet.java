package cn.zhaoshang.tracker.warning.api;

import org.axonframework.serialization.Revision;

/** The zone's time rules for warnings were set (or revised); they apply to every watched project of the zone. */
@Revision("1")
public record WarningRulesSet(String zoneId, WarningRules rules) {}
