package cn.zhaoshang.tracker.zone.api;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets or revises a zone's targets for one year; a null figure means "no target". */
public record SetAnnualTarget(
        String zoneId, int year, BigDecimal contractInvestmentCny, BigDecimal foreignCapitalUsd, Integer projectCount) {

    @TargetAggregateIdentifier
    public String targetId() {
        return AnnualTargetId.of(zoneId, year);
    }
}
