package cn.zhaoshang.tracker.project.api;

import cn.zhaoshang.tracker.shared.Reasoned;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * An arrival was recorded in error and no longer counts in any figure known from now on. It repeats the
 * arrival's facts so that a reader of the history needs no other event to understand it.
 */
@Revision("1")
public record ArrivalRetracted(
        ProjectId projectId,
        ArrivalId arrivalId,
        LocalDate arrivedOn,
        CapitalKind kind,
        BigDecimal amount,
        String reason)
        implements ProjectEvent, Reasoned {}
