package cn.zhaoshang.tracker.warning;

import static cn.zhaoshang.tracker.shared.BusinessDate.CHINA;

import cn.zhaoshang.tracker.project.api.ProductionStarted;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.SigningCorrected;
import cn.zhaoshang.tracker.warning.api.WarningCleared.Recovery;
import cn.zhaoshang.tracker.warning.api.WarningColour;
import cn.zhaoshang.tracker.warning.api.WarningKind;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import cn.zhaoshang.tracker.warning.api.WarningRulesSet;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Watches one project from its signing until it is in production or terminated. Business time is the time of the
 * message being handled: an event's recording instant, or a deadline's due instant. A check is scheduled on a
 * persistent deadline for the next day the colour changes; when it comes due (or an event or new rules arrive)
 * the colour is worked out again and raised or cleared by a command to the project's {@code ProjectWarning}.
 *
 * <p>Deadlines are only scheduled while handling messages, never by a projection, and sagas are not replayed, so a
 * rebuild of the read models (or a restart) raises nothing twice; a pending deadline survives a restart in
 * db-scheduler's table. Public because Axon instantiates sagas without reflection overrides.
 */
@Saga
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class WarningSaga {

    static final String CHECK = "warning-check";
    private static final Map<String, String> SYSTEM = Map.of("recordedBy", "system");

    private ProjectId projectId;
    private String zoneId;
    private String projectName;
    private WarningKind kind;
    private LocalDate since;
    private WarningColour colour;
    private String checkId;

    @StartSaga
    @SagaEventHandler(associationProperty = "projectId")
    void on(
            ProjectSigned event,
            @Timestamp Instant at,
            RuleBook rules,
            CommandGateway commands,
            DeadlineManager deadlines) {
        projectId = event.projectId();
        zoneId = event.zoneId();
        projectName = event.name();
        kind = WarningKind.NOT_LANDED;
        since = event.signedOn();
        SagaLifecycle.associateWith("zoneId", zoneId);
        review(day(at), Recovery.SIGNING_CORRECTED, rules, commands, deadlines);
    }

    @SagaEventHandler(associationProperty = "projectId")
    void on(
            SigningCorrected event,
            @Timestamp Instant at,
            RuleBook rules,
            CommandGateway commands,
            DeadlineManager deadlines) {
        if (kind == WarningKind.NOT_LANDED && !event.signedOn().equals(since)) {
            since = event.signedOn();
            review(day(at), Recovery.SIGNING_CORRECTED, rules, commands, deadlines);
        }
    }

    @SagaEventHandler(associationProperty = "projectId")
    void on(
            ProjectLanded event,
            @Timestamp Instant at,
            RuleBook rules,
            CommandGateway commands,
            DeadlineManager deadlines) {
        clear(Recovery.LANDED, event.landedOn(), commands);
        kind = WarningKind.NOT_IN_PRODUCTION;
        since = event.landedOn();
        review(day(at), Recovery.LANDED, rules, commands, deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "projectId")
    void on(ProductionStarted event, CommandGateway commands, DeadlineManager deadlines) {
        clear(Recovery.IN_PRODUCTION, event.startedOn(), commands);
        cancelCheck(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "projectId")
    void on(ProjectTerminated event, CommandGateway commands, DeadlineManager deadlines) {
        clear(Recovery.TERMINATED, event.terminatedOn(), commands);
        cancelCheck(deadlines);
    }

    @SagaEventHandler(associationProperty = "zoneId")
    void on(
            WarningRulesSet event,
            @Timestamp Instant at,
            RuleBook rules,
            CommandGateway commands,
            DeadlineManager deadlines) {
        review(day(at), Recovery.RULES_CHANGED, rules, commands, deadlines);
    }

    @DeadlineHandler(deadlineName = CHECK)
    void on(WarningCheck check, RuleBook rules, CommandGateway commands, DeadlineManager deadlines) {
        checkId = null;
        WarningRules current = rules.of(zoneId);
        current.colour(kind, since, check.dueOn())
                .filter(due -> due != colour)
                .ifPresent(due -> raise(due, check.dueOn(), current, commands));
        scheduleNext(current, deadlines);
    }

    /**
     * After an event: a warning the project no longer deserves is cleared (or lowered, when the rules were relaxed)
     * at once; a warning is raised only by the check, as of the day it became due, so that a project entered late
     * shows when it turned yellow and when it turned red.
     */
    private void review(
            LocalDate today, Recovery ifOnTime, RuleBook rulebook, CommandGateway commands, DeadlineManager deadlines) {
        WarningRules rules = rulebook.of(zoneId);
        Optional<WarningColour> due = rules.colour(kind, since, today);
        if (due.isEmpty()) {
            clear(ifOnTime, today, commands);
        } else if (colour == WarningColour.RED && due.get() == WarningColour.YELLOW) {
            raise(WarningColour.YELLOW, today, rules, commands);
        }
        scheduleNext(rules, deadlines);
    }

    private void raise(WarningColour next, LocalDate on, WarningRules rules, CommandGateway commands) {
        colour = next;
        send(
                commands,
                new RaiseWarning(
                        projectId,
                        zoneId,
                        projectName,
                        colour,
                        kind,
                        since,
                        since.plusDays(rules.yellowDays(kind)),
                        on));
    }

    private void scheduleNext(WarningRules rules, DeadlineManager deadlines) {
        cancelCheck(deadlines);
        LocalDate next = colour == null
                ? since.plusDays(rules.yellowDays(kind))
                : colour == WarningColour.YELLOW ? since.plusDays(rules.redDays(kind)) : null;
        if (next != null) {
            checkId = deadlines.schedule(next.atStartOfDay(CHINA).toInstant(), CHECK, new WarningCheck(next));
        }
    }

    private void clear(Recovery recovery, LocalDate on, CommandGateway commands) {
        if (colour != null) {
            colour = null;
            send(commands, new ClearWarning(projectId, recovery, on));
        }
    }

    private void cancelCheck(DeadlineManager deadlines) {
        if (checkId != null) {
            deadlines.cancelSchedule(CHECK, checkId);
            checkId = null;
        }
    }

    private static void send(CommandGateway commands, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(SYSTEM));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, CHINA);
    }
}
