package cn.zhaoshang.tracker.warning.api;

import cn.zhaoshang.tracker.project.api.ProjectId;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * 预警: the project has waited since {@code since} (its signing or landing) for longer than the zone's rule
 * allows; it was due on {@code dueOn} and is flagged {@code colour} from {@code raisedOn}.
 */
@Revision("1")
public record WarningRaised(
        ProjectId projectId,
        String zoneId,
        String projectName,
        WarningColour colour,
        WarningKind kind,
        LocalDate since,
        LocalDate dueOn,
        LocalDate raisedOn) {}
