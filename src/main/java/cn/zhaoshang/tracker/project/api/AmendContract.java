package cn.zhaoshang.tracker.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A real change of the contract (增资/减资): {@code contractInvestmentCny} is the new contracted total. */
public record AmendContract(
        @TargetAggregateIdentifier ProjectId projectId,
        LocalDate amendedOn,
        BigDecimal contractInvestmentCny,
        String reason,
        Long expectedVersion)
        implements ExpectsVersion {}
