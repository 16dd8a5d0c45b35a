package cn.zhaoshang.tracker.zone;

import cn.zhaoshang.tracker.shared.CommandRejected;
import cn.zhaoshang.tracker.zone.api.KnownZones;
import cn.zhaoshang.tracker.zone.api.RegisterZone;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZoneTest {

    private final Set<String> knownZones = new HashSet<>();
    /** The province of each city that has zones, as the zone directory knows it. */
    private final Map<String, String> provinceOfCity = new HashMap<>();

    private FixtureConfiguration<Zone> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Zone.class);
        KnownZones zones = knownZones::contains;
        CityProvinces provinces = city -> Optional.ofNullable(provinceOfCity.get(city));
        fixture.registerInjectableResource(zones);
        fixture.registerInjectableResource(provinces);
    }

    @Test
    void registering_a_zone_records_its_name_city_and_province() {
        fixture.givenNoPriorActivity()
                .when(new RegisterZone("songmu", "衡阳松木经济开发区", "hengyang", "hunan"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ZoneRegistered("songmu", "衡阳松木经济开发区", "hengyang", "hunan"));
    }

    @Test
    void a_zone_cannot_be_registered_twice() {
        knownZones.add("songmu");

        fixture.givenNoPriorActivity()
                .when(new RegisterZone("songmu", "衡阳松木经济开发区", "hengyang", "hunan"))
                .expectNoEvents()
                .expectException(CommandRejected.class);
    }

    @Test
    void another_zone_of_a_known_city_joins_the_city_s_province() {
        provinceOfCity.put("hengyang", "hunan");

        fixture.givenNoPriorActivity()
                .when(new RegisterZone("hengshan", "衡山经济开发区", "hengyang", "hunan"))
                .expectEvents(new ZoneRegistered("hengshan", "衡山经济开发区", "hengyang", "hunan"));
    }

    @Test
    void a_zone_of_a_known_city_cannot_be_registered_under_another_province() {
        provinceOfCity.put("hengyang", "hunan");

        fixture.givenNoPriorActivity()
                .when(new RegisterZone("hengshan", "衡山经济开发区", "hengyang", "guangdong"))
                .expectNoEvents()
                .expectException(CommandRejected.class)
                .expectExceptionMessage(
                        "城市 hengyang 属于省份 hunan，不能登记在省份 guangdong 下 / city hengyang belongs to province hunan,"
                                + " not guangdong");
    }

    @Test
    void the_first_zone_of_a_city_decides_the_city_s_province() {
        provinceOfCity.put("hengyang", "hunan");

        fixture.givenNoPriorActivity()
                .when(new RegisterZone("nansha", "南沙经济技术开发区", "guangzhou", "guangdong"))
                .expectEvents(new ZoneRegistered("nansha", "南沙经济技术开发区", "guangzhou", "guangdong"));
    }
}
