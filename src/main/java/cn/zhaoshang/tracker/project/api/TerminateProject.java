package cn.zhaoshang.tracker.project.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record TerminateProject(
        @TargetAggregateIdentifier ProjectId projectId, LocalDate terminatedOn, String reason, Long expectedVersion)
        implements ExpectsVersion {}
