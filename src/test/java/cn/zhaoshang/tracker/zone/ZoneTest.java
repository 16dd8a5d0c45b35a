package cn.zhaoshang.tracker.zone;

import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.RegisterZone;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZoneTest {

    private final Set<String> knownZones = new HashSet<>();
    private FixtureConfiguration<Zone> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Zone.class);
        KnownZones zones = knownZones::contains;
        fixture.registerInjectableResource(zones);
    }

    @Test
    void registering_a_zone_records_its_name_and_city() {
        fixture.givenNoPriorActivity()
                .when(new RegisterZone("songmu", "衡阳松木经济开发区", "hengyang"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ZoneRegistered("songmu", "衡阳松木经济开发区", "hengyang"));
    }

    @Test
    void a_zone_cannot_be_registered_twice() {
        knownZones.add("songmu");

        fixture.givenNoPriorActivity()
                .when(new RegisterZone("songmu", "衡阳松木经济开发区", "hengyang"))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }
}
