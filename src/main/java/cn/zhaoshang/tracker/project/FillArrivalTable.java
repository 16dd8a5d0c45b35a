package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.platform.DataMigration;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Flyway V12: fills {@code project_arrival} (V11, ADR 0016) from the arrivals a database already holds, so that no
 * rule waits for a replay after the upgrade. Reads the stored JSON of both events (revision 1, the only one) without
 * the application's serializer, which does not exist yet while Flyway runs. A new database has nothing to fill.
 * Public for tools that migrate a database without the application (the benchmark's store generator).
 */
@Component
public class FillArrivalTable extends DataMigration {

    private static final int BATCH = 1_000;

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public FillArrivalTable() {
        super("12", "fill project arrival");
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement events =
                        connection.prepareStatement("SELECT sequenceNumber, payloadType, payload FROM DomainEventEntry"
                                + " WHERE payloadType IN (?, ?) ORDER BY globalIndex");
                PreparedStatement arrived = connection.prepareStatement(
                        "INSERT INTO project_arrival (project_id, arrival_id, sequence_no, arrived_on, kind, amount,"
                                + " retracted) VALUES (?, ?, ?, ?, ?, ?, FALSE)");
                PreparedStatement retracted = connection.prepareStatement(
                        "UPDATE project_arrival SET retracted = TRUE WHERE project_id = ? AND arrival_id = ?")) {
            events.setString(1, CapitalArrived.class.getName());
            events.setString(2, ArrivalRetracted.class.getName());
            events.setFetchSize(BATCH);
            int arrivals = 0;
            try (ResultSet rows = events.executeQuery()) {
                while (rows.next()) {
                    JsonNode event = json.readTree(rows.getBytes(3));
                    if (rows.getString(2).equals(CapitalArrived.class.getName())) {
                        arrived.setString(1, event.get("projectId").asText());
                        arrived.setString(2, event.get("arrivalId").asText());
                        arrived.setLong(3, rows.getLong(1));
                        arrived.setDate(
                                4,
                                Date.valueOf(
                                        LocalDate.parse(event.get("arrivedOn").asText())));
                        arrived.setString(5, event.get("kind").asText());
                        arrived.setBigDecimal(6, event.get("amount").decimalValue());
                        arrived.addBatch();
                        if (++arrivals % BATCH == 0) {
                            arrived.executeBatch();
                        }
                    } else {
                        // sent after every arrival is in: each retraction follows its arrival
                        retracted.setString(1, event.get("projectId").asText());
                        retracted.setString(2, event.get("arrivalId").asText());
                        retracted.addBatch();
                    }
                }
            }
            arrived.executeBatch();
            retracted.executeBatch();
        }
    }
}
