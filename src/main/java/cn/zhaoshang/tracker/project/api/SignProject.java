package cn.zhaoshang.tracker.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a signing (签约). Refused as a {@link DuplicateSigning} when the zone already has a project of this name
 * signed on this date, unless {@code distinctFrom} names every such project: whoever records it says it is another
 * project.
 */
public record SignProject(
        @TargetAggregateIdentifier ProjectId projectId,
        String zoneId,
        String name,
        Investor investor,
        Industry industry,
        LocalDate signedOn,
        BigDecimal contractInvestmentCny,
        BigDecimal expectedAnnualTaxCny,
        BigDecimal landAreaMu,
        Set<ProjectId> distinctFrom) {

    public SignProject {
        distinctFrom = distinctFrom == null ? Set.of() : Set.copyOf(distinctFrom);
    }

    /** A signing that names no project it differs from. */
    public SignProject(
            ProjectId projectId,
            String zoneId,
            String name,
            Investor investor,
            Industry industry,
            LocalDate signedOn,
            BigDecimal contractInvestmentCny,
            BigDecimal expectedAnnualTaxCny,
            BigDecimal landAreaMu) {
        this(
                projectId,
                zoneId,
                name,
                investor,
                industry,
                signedOn,
                contractInvestmentCny,
                expectedAnnualTaxCny,
                landAreaMu,
                Set.of());
    }

    public SigningKey signingKey() {
        return new SigningKey(zoneId, name, signedOn);
    }
}
