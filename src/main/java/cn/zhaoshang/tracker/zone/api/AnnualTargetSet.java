package cn.zhaoshang.tracker.zone.api;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** The zone's annual targets (全年任务) for a year were set or revised; null means no target for that figure. */
@Revision("1")
public record AnnualTargetSet(
        String zoneId,
        int year,
        BigDecimal contractInvestmentCny,
        BigDecimal foreignCapitalUsd,
        Integer projectCount) {}
