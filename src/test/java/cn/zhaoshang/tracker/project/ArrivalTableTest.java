package cn.zhaoshang.tracker.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.platform.ReadModelWrites;
import cn.zhaoshang.tracker.project.api.ArrivalId;
import cn.zhaoshang.tracker.project.api.ArrivalRetracted;
import cn.zhaoshang.tracker.project.api.CapitalArrived;
import cn.zhaoshang.tracker.project.api.CapitalKind;
import cn.zhaoshang.tracker.project.api.ProjectId;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** The arrivals table on its own in-memory database, fed by hand, and its filling from stored events (V12). */
class ArrivalTableTest {

    private static final ProjectId PROJECT = ProjectId.of("p-1");
    private static final ArrivalId FIRST = ArrivalId.of("a-1");
    private static final ArrivalId SECOND = ArrivalId.of("a-2");
    private static final LocalDate APRIL = LocalDate.of(2023, 4, 1);

    private final JdbcDataSource dataSource = database();
    private final Flyway flyway = Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration/common", "classpath:db/migration/h2")
            .javaMigrations(new FillArrivalTable())
            .load();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final ArrivalTable table =
            new ArrivalTable(new ReadModelWrites(dataSource, new JdbcTransactionManager(dataSource)), jdbc);

    @Test
    void an_arrival_is_found_by_its_id_and_stands_until_it_is_retracted() {
        flyway.migrate();
        table.on(new CapitalArrived(PROJECT, FIRST, APRIL, CapitalKind.FOREIGN, new BigDecimal("3000000.50")), 1);
        table.on(
                new CapitalArrived(PROJECT, SECOND, APRIL.plusDays(1), CapitalKind.DOMESTIC, new BigDecimal("100")), 2);
        table.on(
                new CapitalArrived(
                        ProjectId.of("p-2"), ArrivalId.of("a-3"), APRIL, CapitalKind.DOMESTIC, BigDecimal.TEN),
                1);

        assertThat(table.standing(PROJECT.value()))
                .extracting(ProjectArrivals.Arrival::arrivalId)
                .containsExactly("a-1", "a-2");
        assertThat(table.find(PROJECT.value(), FIRST))
                .contains(new ProjectArrivals.Arrival(
                        "a-1", APRIL, CapitalKind.FOREIGN, new BigDecimal("3000000.5"), false));
        assertThat(table.find(PROJECT.value(), ArrivalId.of("a-3"))).isEmpty();

        table.on(
                new ArrivalRetracted(PROJECT, FIRST, APRIL, CapitalKind.FOREIGN, new BigDecimal("3000000.50"), "录入错误"));

        assertThat(table.standing(PROJECT.value()))
                .extracting(ProjectArrivals.Arrival::arrivalId)
                .containsExactly("a-2");
        assertThat(table.find(PROJECT.value(), FIRST))
                .hasValueSatisfying(arrival -> assertThat(arrival.retracted()).isTrue());
        assertThat(table.find(PROJECT.value(), SECOND).orElseThrow().amount()).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void upgrading_a_database_that_holds_arrivals_fills_the_table_from_their_events() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target("11")
                .load()
                .migrate();
        stored(
                1,
                "CapitalArrived",
                1,
                """
                {"projectId":"p-1","arrivalId":"a-1","arrivedOn":"2023-04-01","kind":"FOREIGN","amount":3000000.50}""");
        stored(2, "ProjectLanded", 2, """
                {"projectId":"p-1","landedOn":"2023-04-02"}""");
        stored(
                3,
                "CapitalArrived",
                3,
                """
                {"projectId":"p-1","arrivalId":"a-2","arrivedOn":"2023-04-02","kind":"DOMESTIC","amount":100}""");
        stored(
                4,
                "ArrivalRetracted",
                4,
                """
                {"projectId":"p-1","arrivalId":"a-1","arrivedOn":"2023-04-01","kind":"FOREIGN","amount":3000000.50,\
                "reason":"录入错误"}""");

        flyway.migrate();

        List<ProjectArrivals.Arrival> standing = table.standing("p-1");
        assertThat(standing)
                .containsExactly(new ProjectArrivals.Arrival(
                        "a-2", APRIL.plusDays(1), CapitalKind.DOMESTIC, new BigDecimal("100"), false));
        assertThat(table.find("p-1", FIRST))
                .contains(new ProjectArrivals.Arrival(
                        "a-1", APRIL, CapitalKind.FOREIGN, new BigDecimal("3000000.5"), true));
        assertThat(jdbc.sql("SELECT sequence_no FROM project_arrival WHERE arrival_id = 'a-2'")
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    private void stored(long position, String type, long sequence, String payload) {
        jdbc.sql(
                        """
                        INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type,
                            eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)
                        VALUES (?, 'p-1', ?, 'InvestmentProject', ?, ?, ?, '1', ?, '2023-04-01T00:00:00Z')""")
                .params(
                        position,
                        sequence,
                        UUID.randomUUID().toString(),
                        "{}".getBytes(StandardCharsets.UTF_8),
                        payload.getBytes(StandardCharsets.UTF_8),
                        "cn.zhaoshang.tracker.project.api." + type)
                .update();
    }

    private static JdbcDataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:arrivals-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
