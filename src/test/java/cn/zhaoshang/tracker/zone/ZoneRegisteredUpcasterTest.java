package cn.zhaoshang.tracker.zone;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.StoredEventRow;
import cn.zhaoshang.tracker.zone.api.AnnualTargetSet;
import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** Stored zone registrations of revision 1 read as revision 2 in the default province; nothing else is touched. */
class ZoneRegisteredUpcasterTest {

    private final Serializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void a_registration_stored_before_zones_had_a_province_reads_as_one_of_the_default_province() {
        Object read = stored(
                        ZoneRegistered.class,
                        "1",
                        "{\"zoneId\":\"songmu\",\"name\":\"衡阳松木经济开发区\",\"city\":\"hengyang\"}")
                .read(serializer, new ZoneRegisteredUpcaster("hunan"));

        assertThat(read).isEqualTo(new ZoneRegistered("songmu", "衡阳松木经济开发区", "hengyang", "hunan"));
    }

    @Test
    void the_default_province_is_the_setting_s() {
        Object read = stored(
                        ZoneRegistered.class,
                        "1",
                        "{\"zoneId\":\"nansha\",\"name\":\"南沙经济技术开发区\",\"city\":\"guangzhou\"}")
                .read(serializer, new ZoneRegisteredUpcaster("guangdong"));

        assertThat(read).isEqualTo(new ZoneRegistered("nansha", "南沙经济技术开发区", "guangzhou", "guangdong"));
    }

    @Test
    void a_registration_of_revision_2_keeps_its_own_province() {
        Object read = stored(
                        ZoneRegistered.class,
                        "2",
                        "{\"zoneId\":\"nansha\",\"name\":\"南沙经济技术开发区\",\"city\":\"guangzhou\",\"province\":\"guangdong\"}")
                .read(serializer, new ZoneRegisteredUpcaster("hunan"));

        assertThat(read).isEqualTo(new ZoneRegistered("nansha", "南沙经济技术开发区", "guangzhou", "guangdong"));
    }

    @Test
    void other_events_pass_unchanged() {
        Object read = stored(
                        AnnualTargetSet.class,
                        "1",
                        "{\"zoneId\":\"songmu\",\"year\":2023,\"contractInvestmentCny\":10000000000,"
                                + "\"foreignCapitalUsd\":7000000,\"projectCount\":20}")
                .read(serializer, new ZoneRegisteredUpcaster("hunan"));

        assertThat(read)
                .isEqualTo(new AnnualTargetSet(
                        "songmu", 2023, new BigDecimal("10000000000"), new BigDecimal("7000000"), 20));
    }

    private static StoredEventRow stored(Class<?> type, String revision, String payload) {
        return new StoredEventRow(
                "Zone",
                "songmu",
                0,
                "3f1c8a52-6d0e-4c1b-9a77-2b5e8d9f0c41",
                Instant.parse("2021-01-05T01:00:00Z"),
                type.getName(),
                revision,
                payload.getBytes(StandardCharsets.UTF_8),
                "{\"recordedBy\":\"bureau\"}".getBytes(StandardCharsets.UTF_8));
    }
}
