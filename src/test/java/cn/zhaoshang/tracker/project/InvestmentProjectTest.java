package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.project.api.*;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvestmentProjectTest {
    AggregateTestFixture<InvestmentProject> fixture;
    ProjectId id = ProjectId.of("p1");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InvestmentProject.class);
        KnownZones zones = zone -> zone.equals("songmu");
        fixture.registerInjectableResource(zones);
    }

    @Test
    void smoke() {
        ProjectSigned signed = new ProjectSigned(
                id,
                "songmu",
                "n",
                new Investor("i", "JP", Top500.GLOBAL),
                Industry.OTHER,
                LocalDate.of(2023, 3, 15),
                new BigDecimal("100"),
                null,
                null);
        fixture.given(signed)
                .when(new RecordLanding(id, LocalDate.of(2023, 1, 1), null))
                .expectNoEvents()
                .expectException(CommandRejected.class);
        fixture.given(signed)
                .when(new RecordLanding(id, LocalDate.of(2023, 4, 1), null))
                .expectEvents(new ProjectLanded(id, LocalDate.of(2023, 4, 1)));
    }
}
