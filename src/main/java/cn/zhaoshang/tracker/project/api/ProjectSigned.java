package cn.zhaoshang.tracker.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** 签约: the investor signed a contract with the zone. */
@Revision("1")
public record ProjectSigned(
        ProjectId projectId,
        String zoneId,
        String name,
        Investor investor,
        Industry industry,
        LocalDate signedOn,
        BigDecimal contractInvestmentCny,
        BigDecimal expectedAnnualTaxCny,
        BigDecimal landAreaMu)
        implements ProjectEvent {}
