package cn.zhaoshang.tracker.project.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** 投产: the project went into production. */
@Revision("1")
public record ProductionStarted(ProjectId projectId, LocalDate startedOn) implements ProjectEvent {}
