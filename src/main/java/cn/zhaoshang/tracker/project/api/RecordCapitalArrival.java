package cn.zhaoshang.tracker.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordCapitalArrival(
        @TargetAggregateIdentifier ProjectId projectId,
        ArrivalId arrivalId,
        LocalDate arrivedOn,
        CapitalKind kind,
        BigDecimal amount,
        Long expectedVersion)
        implements ExpectsVersion {}
