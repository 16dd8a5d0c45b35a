package cn.zhaoshang.tracker.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SignProject(
        @TargetAggregateIdentifier ProjectId projectId,
        String zoneId,
        String name,
        Investor investor,
        Industry industry,
        LocalDate signedOn,
        BigDecimal contractInvestmentCny,
        BigDecimal expectedAnnualTaxCny,
        BigDecimal landAreaMu) {}
