package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.platform.CommandLookupTable;
import cn.zhaoshang.tracker.platform.ReadModel;
import cn.zhaoshang.tracker.platform.ReadModelWrites;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ProjectArrivals} in the table {@code project_arrival}, a row per arrival, written by a subscribing
 * processor in the transaction that stores the arrival's event. A command reads it in its own transaction while it
 * holds its project (Axon's aggregate lock, and for HTTP commands the project's {@code aggregate_lock} row), so it
 * sees every arrival its project has. Rebuilt and checked by every replay like the other read models.
 */
@Component
@CommandLookupTable
@ProcessingGroup("arrivals")
@ReadModel(tables = {"project_arrival"})
class ArrivalTable implements ProjectArrivals {

    private static final String COLUMNS = "arrival_id, arrived_on, kind, amount, retracted";

    private final ReadModelWrites writes;
    private final JdbcClient jdbc;

    ArrivalTable(ReadModelWrites writes, JdbcClient jdbc) {
        this.writes = writes;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CapitalArrived event, @SequenceNumber long sequence) {
        writes.write(
                "project_arrival",
                """
                INSERT INTO project_arrival (project_id, arrival_id, sequence_no, arrived_on, kind, amount, retracted)
                VALUES (?, ?, ?, ?, ?, ?, FALSE)""",
                event.projectId().value(),
                event.arrivalId().value(),
                sequence,
                event.arrivedOn(),
                event.kind().name(),
                event.amount());
    }

    @EventHandler
    void on(ArrivalRetracted event) {
        writes.write(
                "project_arrival",
                "UPDATE project_arrival SET retracted = TRUE WHERE project_id = ? AND arrival_id = ?",
                event.projectId().value(),
                event.arrivalId().value());
    }

    @ResetHandler
    void reset() {
        writes.empty(this);
    }

    @Override
    public List<Arrival> standing(String projectId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM project_arrival WHERE project_id = ? AND NOT retracted ORDER BY sequence_no")
                .param(projectId)
                .query(ArrivalTable::arrival)
                .list();
    }

    @Override
    public Optional<Arrival> find(String projectId, ArrivalId arrivalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM project_arrival WHERE project_id = ? AND arrival_id = ?")
                .params(projectId, arrivalId.value())
                .query(ArrivalTable::arrival)
                .optional();
    }

    /** The amount as the event had it, but for trailing zeros the column's two decimals add (Money.normalized). */
    private static Arrival arrival(ResultSet row, int number) throws SQLException {
        return new Arrival(
                row.getString(1),
                row.getObject(2, LocalDate.class),
                CapitalKind.valueOf(row.getString(3)),
                Money.normalized(row.getBigDecimal(4).stripTrailingZeros()),
                row.getBoolean(5));
    }
}
