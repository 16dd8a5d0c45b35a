package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.project.api.AttachEvidence;
import cn.zhaoshang.tracker.project.api.EvidenceAttached;
import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.Investor;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.ProjectLanded;
import cn.zhaoshang.tracker.project.api.ProjectSigned;
import cn.zhaoshang.tracker.project.api.ProjectTerminated;
import cn.zhaoshang.tracker.project.api.Top500;
import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.shared.StaleVersion;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AttachEvidenceTest {

    private static final ProjectId PROJECT = ProjectId.of("p-1");
    private static final LocalDate SIGNED_ON = LocalDate.of(2023, 3, 15);
    private static final String SHA256 = "a".repeat(64);

    private FixtureConfiguration<InvestmentProject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InvestmentProject.class);
        KnownZones zones = "songmu"::equals;
        fixture.registerInjectableResource(zones);
        fixture.registerInjectableResource(new ArrivalsInEvents(fixture.getEventStore()));
        SigningKeys keys = key -> List.of();
        fixture.registerInjectableResource(keys);
    }

    @Test
    void evidence_is_recorded_with_its_hash_name_type_size_and_the_event_it_supports() {
        fixture.given(signed(), landed())
                .when(attach(1))
                .expectSuccessfulHandlerExecution()
                .expectEvents(attached(1));
    }

    @Test
    void evidence_may_support_the_signing_itself() {
        fixture.given(signed()).when(attach(0)).expectEvents(attached(0));
    }

    @Test
    void evidence_cannot_support_an_event_the_project_has_not_got() {
        fixture.given(signed(), landed()).when(attach(2)).expectNoEvents().expectException(CommandRejected.class);
    }

    @Test
    void evidence_cannot_name_a_negative_sequence() {
        fixture.given(signed()).when(attach(-1)).expectNoEvents().expectException(CommandRejected.class);
    }

    @Test
    void evidence_is_accepted_after_the_termination_as_its_voucher() {
        fixture.given(signed(), new ProjectTerminated(PROJECT, SIGNED_ON.plusDays(30), "撤资"))
                .when(attach(1))
                .expectEvents(attached(1));
    }

    @Test
    void evidence_cannot_be_attached_to_a_project_that_does_not_exist() {
        fixture.givenNoPriorActivity()
                .when(attach(0))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void evidence_based_on_a_stale_version_is_refused() {
        fixture.given(signed(), landed())
                .when(new AttachEvidence(PROJECT, SHA256, "回单.pdf", "application/pdf", 1234, 0, "银行回单", 0L))
                .expectNoEvents()
                .expectException(StaleVersion.class);
    }

    private static AttachEvidence attach(long attachedTo) {
        return new AttachEvidence(PROJECT, SHA256, "回单.pdf", "application/pdf", 1234, attachedTo, "银行回单", null);
    }

    private static EvidenceAttached attached(long attachedTo) {
        return new EvidenceAttached(PROJECT, SHA256, "回单.pdf", "application/pdf", 1234, attachedTo, "银行回单");
    }

    private static ProjectSigned signed() {
        return new ProjectSigned(
                PROJECT,
                "songmu",
                "日本触媒新材料项目",
                new Investor("日本触媒", "JP", Top500.GLOBAL),
                Industry.NEW_MATERIALS,
                SIGNED_ON,
                new BigDecimal("1500000000"),
                null,
                null);
    }

    private static ProjectLanded landed() {
        return new ProjectLanded(PROJECT, SIGNED_ON.plusDays(10));
    }
}
