package cn.zhaoshang.tracker.warning;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.warning.api.WarningCleared;
import cn.zhaoshang.tracker.warning.api.WarningColour;
import cn.zhaoshang.tracker.warning.api.WarningIds;
import cn.zhaoshang.tracker.warning.api.WarningKind;
import cn.zhaoshang.tracker.warning.api.WarningRaised;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The warnings of one project, kept apart from the project's own stream so that a warning never changes the
 * project's version (a bureau's If-Match must not fail because the system flagged the project meanwhile).
 * Raising the colour it already has, or clearing when nothing is raised, records nothing.
 */
@Aggregate
class ProjectWarning {

    @AggregateIdentifier
    private String warningId;

    private String zoneId;
    private WarningColour colour;
    private WarningKind kind;

    ProjectWarning() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RaiseWarning command) {
        if (command.colour() == colour && command.kind() == kind) {
            return;
        }
        apply(new WarningRaised(
                command.projectId(),
                command.zoneId(),
                command.projectName(),
                command.colour(),
                command.kind(),
                command.since(),
                command.dueOn(),
                command.raisedOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ClearWarning command) {
        if (colour == null) {
            return;
        }
        apply(new WarningCleared(command.projectId(), zoneId, colour, kind, command.recovery(), command.clearedOn()));
    }

    @EventSourcingHandler
    void on(WarningRaised event) {
        warningId = WarningIds.ofProject(event.projectId().value());
        zoneId = event.zoneId();
        colour = event.colour();
        kind = event.kind();
    }

    @EventSourcingHandler
    void on(WarningCleared event) {
        warningId = WarningIds.ofProject(event.projectId().value());
        colour = null;
        kind = null;
    }

    static ProjectId projectOf(String warningId) {
        return ProjectId.of(warningId.substring(0, warningId.length() - "/warning".length()));
    }
}
