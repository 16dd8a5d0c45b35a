package cn.zhaoshang.tracker.project.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What officials tell a project by: the zone, the project's name and the signing date. Two signings under one key
 * are the same project unless whoever records the second says otherwise; the ledger import takes a row whose key is
 * known for a project already recorded.
 */
public record SigningKey(String zoneId, String name, LocalDate signedOn) {

    /**
     * The key as one short name (a name may be 200 characters): the row a signing holds while it looks for earlier
     * signings under the key and records its own, so that two signings under one key run one after the other.
     */
    public String lockName() {
        String key = zoneId + "|" + signedOn + "|" + name;
        return "signing:" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
