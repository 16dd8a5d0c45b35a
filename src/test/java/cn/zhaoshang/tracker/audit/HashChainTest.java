package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The canonical bytes as docs/auditing.md defines them. The expected hashes were computed independently, with
 * Python's hashlib over the documented format, so a change of the format cannot go unnoticed.
 */
class HashChainTest {

    private static final StoredEvent ZONE = new StoredEvent(
            1,
            "e-1",
            "songmu",
            0,
            "Zone",
            "cn.zhaoshang.tracker.zone.api.ZoneRegistered",
            "1",
            "2023-01-05T02:00:00Z",
            bytes("{\"recordedBy\":\"bureau\"}"),
            bytes("{\"zoneId\":\"songmu\",\"name\":\"衡阳松木经济开发区\",\"city\":\"hengyang\"}"));

    private static final StoredEvent TARGET = new StoredEvent(
            2,
            "e-2",
            "songmu/2023",
            0,
            "AnnualTarget",
            "cn.zhaoshang.tracker.zone.api.AnnualTargetSet",
            null,
            "2023-01-06T02:00:00Z",
            null,
            bytes("{\"zoneId\":\"songmu\",\"year\":2023}"));

    @Test
    void the_first_event_is_chained_to_sixty_four_zeros() {
        assertThat(HashChain.next(HashChain.GENESIS, ZONE))
                .isEqualTo("3eab1b9b87bded2a84c3a59e0c3f7cceb70fb47a1d0a6d2f3eb824c8fb5af97e");
    }

    @Test
    void each_hash_covers_the_previous_one_and_missing_fields_are_marked() {
        String first = HashChain.next(HashChain.GENESIS, ZONE);
        assertThat(HashChain.next(first, TARGET))
                .isEqualTo("30940bf39abbb338a3f36c341f53646bcc1446d428fc8039e2b73fb00edc50c2");
    }

    @Test
    void moving_a_byte_from_one_field_to_the_next_changes_the_hash() {
        StoredEvent shifted = new StoredEvent(
                1,
                "e-1s",
                "ongmu",
                0,
                "Zone",
                ZONE.payloadType(),
                "1",
                ZONE.timeStamp(),
                ZONE.metaData(),
                ZONE.payload());
        assertThat(HashChain.next(HashChain.GENESIS, shifted)).isNotEqualTo(HashChain.next(HashChain.GENESIS, ZONE));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
