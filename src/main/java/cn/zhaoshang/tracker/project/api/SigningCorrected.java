package cn.zhaoshang.tracker.project.api;

import cn.zhaoshang.tracker.shared.Reasoned;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * The signing was recorded in error. The event carries the complete corrected signing facts (whether or not
 * each one changed) and the ones they replace, so that every later reader sees what the signing now says.
 */
@Revision("1")
public record SigningCorrected(
        ProjectId projectId,
        LocalDate signedOn,
        BigDecimal contractInvestmentCny,
        Top500 top500,
        Industry industry,
        LocalDate previousSignedOn,
        BigDecimal previousContractInvestmentCny,
        Top500 previousTop500,
        Industry previousIndustry,
        String reason)
        implements ProjectEvent, Reasoned {}
