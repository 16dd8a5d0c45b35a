package cn.zhaoshang.tracker.project.api;

import cn.zhaoshang.tracker.shared.Reasoned;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** 终止: the project was terminated or withdrawn before production. */
@Revision("1")
public record ProjectTerminated(ProjectId projectId, LocalDate terminatedOn, String reason)
        implements ProjectEvent, Reasoned {}
