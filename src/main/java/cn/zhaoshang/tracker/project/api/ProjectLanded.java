package cn.zhaoshang.tracker.project.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** 落地: the company is registered, land supplied and construction started (开工). */
@Revision("1")
public record ProjectLanded(ProjectId projectId, LocalDate landedOn) implements ProjectEvent {}
