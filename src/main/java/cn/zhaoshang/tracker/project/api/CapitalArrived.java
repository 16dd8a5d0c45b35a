package cn.zhaoshang.tracker.project.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** 实际到位: money actually arrived; FOREIGN in US dollars, DOMESTIC in yuan. */
@Revision("1")
public record CapitalArrived(
        ProjectId projectId, ArrivalId arrivalId, LocalDate arrivedOn, CapitalKind kind, BigDecimal amount)
        implements ProjectEvent {}
