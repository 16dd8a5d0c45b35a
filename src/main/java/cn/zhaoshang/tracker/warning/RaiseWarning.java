package cn.zhaoshang.tracker.warning;

import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.warning.api.WarningColour;
import cn.zhaoshang.tracker.warning.api.WarningIds;
import cn.zhaoshang.tracker.warning.api.WarningKind;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record RaiseWarning(
        ProjectId projectId,
        String zoneId,
        String projectName,
        WarningColour colour,
        WarningKind kind,
        LocalDate since,
        LocalDate dueOn,
        LocalDate raisedOn) {

    @TargetAggregateIdentifier
    String warningId() {
        return WarningIds.ofProject(projectId.value());
    }
}
