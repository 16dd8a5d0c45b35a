package cn.zhaoshang.tracker.warning;

import cn.zhaoshang.tracker.platform.ReadModel;
import cn.zhaoshang.tracker.platform.ReadModelWrites;
import cn.zhaoshang.tracker.warning.api.FlaggedProjects;
import cn.zhaoshang.tracker.warning.api.WarningCleared;
import cn.zhaoshang.tracker.warning.api.WarningColour;
import cn.zhaoshang.tracker.warning.api.WarningKind;
import cn.zhaoshang.tracker.warning.api.WarningRaised;
import cn.zhaoshang.tracker.warning.api.WarningRules;
import cn.zhaoshang.tracker.warning.api.WarningRulesSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.DataClassRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The zones' rules and the projects flagged now. Subscribing (in the command's transaction), so the rules are in
 * force the moment they are set.
 */
@Component
@ProcessingGroup("warning")
@ReadModel(tables = {"warning_rules", "project_warning"})
class WarningProjection implements RuleBook, FlaggedProjects {

    /**
     * Maps the snake_case columns by name; JdbcClient's own record mapping would first ask for each camelCase name and
     * fail, an exception (and a line in H2's trace file) per column of every lookup.
     */
    private static final RowMapper<WarningRules> RULES = new DataClassRowMapper<>(WarningRules.class);

    private final ReadModelWrites writes;
    private final JdbcClient jdbc;

    WarningProjection(ReadModelWrites writes, JdbcClient jdbc) {
        this.writes = writes;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WarningRulesSet event) {
        WarningRules rules = event.rules();
        writes.now()
                .sql("DELETE FROM warning_rules WHERE zone_id = ?")
                .param(event.zoneId())
                .update();
        writes.now()
                .sql(
                        """
                INSERT INTO warning_rules (zone_id, not_landed_yellow_days, not_landed_red_days,
                    not_in_production_yellow_days, not_in_production_red_days) VALUES (?, ?, ?, ?, ?)""")
                .params(
                        event.zoneId(),
                        rules.notLandedYellowDays(),
                        rules.notLandedRedDays(),
                        rules.notInProductionYellowDays(),
                        rules.notInProductionRedDays())
                .update();
    }

    @EventHandler
    void on(WarningRaised event, @Timestamp Instant recordedAt) {
        writes.now()
                .sql("DELETE FROM project_warning WHERE project_id = ?")
                .param(event.projectId().value())
                .update();
        writes.now()
                .sql(
                        """
                INSERT INTO project_warning (project_id, zone_id, project_name, colour, kind, since, due_on, raised_on,
                    flagged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        event.projectId().value(),
                        event.zoneId(),
                        event.projectName(),
                        event.colour().name(),
                        event.kind().name(),
                        event.since(),
                        event.dueOn(),
                        event.raisedOn(),
                        // the store keeps milliseconds: a replay must write what the live event wrote
                        OffsetDateTime.ofInstant(recordedAt.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(WarningCleared event) {
        writes.now()
                .sql("DELETE FROM project_warning WHERE project_id = ?")
                .param(event.projectId().value())
                .update();
    }

    @ResetHandler
    void reset() {
        writes.empty(this);
    }

    @Override
    public WarningRules of(String zoneId) {
        return find(zoneId).orElse(WarningRules.DEFAULTS);
    }

    @Override
    public WarningRules rulesOf(String zoneId) {
        return of(zoneId);
    }

    Optional<WarningRules> find(String zoneId) {
        return jdbc.sql(
                        """
                SELECT not_landed_yellow_days, not_landed_red_days, not_in_production_yellow_days,
                    not_in_production_red_days FROM warning_rules WHERE zone_id = ?""")
                .param(zoneId)
                .query(RULES)
                .optional();
    }

    @Override
    public List<Flagged> of(String zoneId, LocalDate today) {
        return jdbc.sql(
                        """
                SELECT project_id, project_name, colour, kind, since, due_on, flagged_at FROM project_warning
                WHERE zone_id = ? ORDER BY colour, due_on, project_id""")
                .param(zoneId)
                .query((row, n) -> {
                    LocalDate dueOn = row.getObject("due_on", LocalDate.class);
                    return new Flagged(
                            row.getString("project_id"),
                            row.getString("project_name"),
                            WarningColour.valueOf(row.getString("colour")),
                            WarningKind.valueOf(row.getString("kind")),
                            row.getObject("since", LocalDate.class),
                            dueOn,
                            Math.max(0, ChronoUnit.DAYS.between(dueOn, today)),
                            row.getObject("flagged_at", OffsetDateTime.class).toInstant());
                })
                .list();
    }
}
