package cn.zhaoshang.tracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RetractArrival(
        @TargetAggregateIdentifier ProjectId projectId, ArrivalId arrivalId, String reason, Long expectedVersion)
        implements ExpectsVersion {}
