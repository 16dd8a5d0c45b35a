package cn.zhaoshang.tracker.project.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code expectedVersion} is the caller's If-Match, or null to accept any version. */
public record RecordLanding(@TargetAggregateIdentifier ProjectId projectId, LocalDate landedOn, Long expectedVersion)
        implements ExpectsVersion {}
