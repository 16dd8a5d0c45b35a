package cn.zhaoshang.tracker.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The signing was recorded in error. A null field is left as it was; {@code top500} is an Optional because
 * "not a top-500 investor" (empty) is itself a correction.
 */
public record CorrectSigning(
        @TargetAggregateIdentifier ProjectId projectId,
        LocalDate signedOn,
        BigDecimal contractInvestmentCny,
        Optional<Top500> top500,
        Industry industry,
        String reason,
        Long expectedVersion)
        implements ExpectsVersion {}
