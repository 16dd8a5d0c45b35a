package cn.zhaoshang.tracker.project.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordProductionStart(
        @TargetAggregateIdentifier ProjectId projectId, LocalDate startedOn, Long expectedVersion)
        implements ExpectsVersion {}
