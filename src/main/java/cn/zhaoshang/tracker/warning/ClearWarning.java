package cn.zhaoshang.tracker.warning;

import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.warning.api.WarningCleared;
import cn.zhaoshang.tracker.warning.api.WarningIds;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record ClearWarning(ProjectId projectId, WarningCleared.Recovery recovery, LocalDate clearedOn) {

    @TargetAggregateIdentifier
    String warningId() {
        return WarningIds.ofProject(projectId.value());
    }
}
