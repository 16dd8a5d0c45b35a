package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The arrivals of one project: for the aggregate's rules that need them (an arrival id must not be taken; a
 * retraction copies the arrival; a corrected signing date must not pass a standing arrival) and for the page (which
 * arrivals can still be retracted). The aggregate keeps none of them in its state, so that its snapshot stays small
 * however many arrivals a project receives (ADR 0016).
 */
interface ProjectArrivals {

    record Arrival(String arrivalId, LocalDate arrivedOn, CapitalKind kind, BigDecimal amount, boolean retracted) {}

    /** The arrivals that still count, in the order they were recorded. */
    List<Arrival> standing(String projectId);

    /** The arrival recorded under this id, retracted or not. */
    Optional<Arrival> find(String projectId, ArrivalId arrivalId);
}
