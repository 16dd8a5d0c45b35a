package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.InMemoryTracker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Someone with direct access to the database alters the stored history — changes, deletes, inserts or reorders an
 * event, appends one with or without a link the chain's public formula gives, recomputes the whole chain, signs with a
 * key of their own or only holds the public key — after dropping the append-only triggers. The verification finds the
 * first position that no longer matches. Each test undoes its alteration, and the chain verifies again.
 */
@InMemoryTracker
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:tampering;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class TamperingIT {

    /** The append-only triggers that stop the application, not someone with the database's password. */
    private static final List<String> GUARDED = List.of(
            "domain_event_append_only:DomainEventEntry",
            "event_hash_append_only:event_hash",
            "chain_checkpoint_append_only:chain_checkpoint",
            "signing_key_append_only:signing_key");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ChainVerifier verifier;

    long first;
    long second;

    @BeforeEach
    void historyWithAChain() throws Exception {
        Api api = new Api(mvc);
        String project = api.newProject(api.newZone("tamper"));
        api.post("/api/projects/" + project + "/landing", "{\"landedOn\": \"2023-06-01\"}");
        long head = jdbc.sql("SELECT MAX(globalIndex) FROM DomainEventEntry")
                .query(Long.class)
                .single();
        long deadline = System.currentTimeMillis() + 10_000;
        while (jdbc.sql("SELECT COALESCE(MAX(position), 0) FROM event_hash")
                        .query(Long.class)
                        .single()
                < head) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(20);
        }
        second = head;
        first = head - 1;
        assertThat(verifier.verify().valid()).isTrue();
        unguard();
    }

    /** Drops the append-only triggers, as the forger does first. */
    void unguard() {
        for (String guarded : GUARDED) {
            jdbc.sql("DROP TRIGGER " + guarded.split(":")[0]).update();
        }
    }

    void guard() {
        for (String guarded : GUARDED) {
            String[] trigger = guarded.split(":");
            jdbc.sql("CREATE TRIGGER " + trigger[0] + " BEFORE UPDATE, DELETE ON " + trigger[1]
                            + " FOR EACH ROW CALL 'cn.zhaoshang.tracker.platform.AppendOnlyTrigger'")
                    .update();
        }
    }

    @AfterEach
    void chainHoldsAgainOnceUndone() throws Exception {
        guard();
        ChainVerifier.Verification verification = verifier.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.headPosition()).isEqualTo(second);
    }

    @Test
    void a_changed_payload_is_found_at_its_position() throws Exception {
        byte[] original = payload(first);
        String changed =
                new String(original, java.nio.charset.StandardCharsets.UTF_8).replace("1500000000", "1600000000");
        jdbc.sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                .params(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8), first)
                .update();

        expectBrokenAt(first, "changed");

        jdbc.sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                .params(original, first)
                .update();
    }

    @Test
    void changed_metadata_is_found_too() throws Exception {
        byte[] original = jdbc.sql("SELECT metaData FROM DomainEventEntry WHERE globalIndex = ?")
                .param(second)
                .query(byte[].class)
                .single();
        String forged = new String(original, java.nio.charset.StandardCharsets.UTF_8).replace(Api.BUREAU, "leader");
        jdbc.sql("UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?")
                .params(forged.getBytes(java.nio.charset.StandardCharsets.UTF_8), second)
                .update();

        expectBrokenAt(second, "changed");

        jdbc.sql("UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?")
                .params(original, second)
                .update();
    }

    @Test
    void a_deleted_event_is_found_at_its_position() throws Exception {
        Map<String, Object> row = jdbc.sql("SELECT * FROM DomainEventEntry WHERE globalIndex = ?")
                .param(first)
                .query()
                .singleRow();
        jdbc.sql("DELETE FROM DomainEventEntry WHERE globalIndex = ?")
                .param(first)
                .update();

        expectBrokenAt(first, "deleted");

        jdbc.sql("INSERT INTO DomainEventEntry (" + String.join(", ", row.keySet()) + ") VALUES ("
                        + String.join(
                                ", ", row.keySet().stream().map(column -> "?").toList()) + ")")
                .params(row.values().stream().toList())
                .update();
    }

    @Test
    void an_inserted_event_is_found_at_its_position() throws Exception {
        jdbc.sql(
                        """
                INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                    metaData, payload, payloadRevision, payloadType, timeStamp)
                SELECT 0, aggregateIdentifier, 99, type, 'forged-event', metaData, payload, payloadRevision,
                    payloadType, timeStamp FROM DomainEventEntry WHERE globalIndex = ?""")
                .param(first)
                .update();

        expectBrokenAt(0, "inserted");

        jdbc.sql("DELETE FROM DomainEventEntry WHERE globalIndex = 0").update();
    }

    @Test
    void two_events_swapped_are_found_at_the_first_of_them() throws Exception {
        swap(first, second);

        expectBrokenAt(first, "moved");

        swap(first, second);
    }

    @Test
    void an_event_appended_without_its_link_is_found() throws Exception {
        long forged = appendCopyOf(first);

        expectBrokenAt(forged, "has no link");

        undoAppend(forged);
    }

    @Test
    void an_event_appended_with_a_matching_link_is_covered_by_no_signature() throws Exception {
        long forged = appendCopyOf(first);
        linkAsTheChainWould(forged);

        expectBrokenAt(forged, "no valid signed checkpoint covers");

        undoAppend(forged);
    }

    @Test
    void a_checkpoint_signed_with_a_key_of_ones_own_is_refused() throws Exception {
        long forged = appendCopyOf(first);
        String hash = linkAsTheChainWould(forged);
        SigningKey own = SigningKey.generate();
        checkpoint(forged, hash, own.id(), own.sign(SigningKey.checkpointMessage(forged, hash)));

        expectBrokenAt(forged, "not the key of its period");

        undoAppend(forged);
    }

    @Test
    void a_stolen_public_key_signs_nothing() throws Exception {
        long forged = appendCopyOf(first);
        String hash = linkAsTheChainWould(forged);
        String keyInUse = jdbc.sql("SELECT key_id FROM chain_checkpoint WHERE position = ?")
                .param(second)
                .query(String.class)
                .single();
        String publicKey = jdbc.sql("SELECT public_key FROM signing_key WHERE key_id = ?")
                .param(keyInUse)
                .query(String.class)
                .single();
        // the public key is all the forger has: a signature needs the private key
        byte[] guess = java.util.Arrays.copyOf(java.util.Base64.getDecoder().decode(publicKey), 64);
        checkpoint(forged, hash, keyInUse, java.util.Base64.getEncoder().encodeToString(guess));

        expectBrokenAt(forged, "invalid signature");

        undoAppend(forged);
    }

    @Test
    void a_key_grafted_onto_the_announced_ones_is_unknown() throws Exception {
        long forged = appendCopyOf(first);
        String hash = linkAsTheChainWould(forged);
        SigningKey own = SigningKey.generate();
        String announcement = SigningKey.announcementMessage(own.id(), own.publicKey(), forged);
        String keyInUse = jdbc.sql("SELECT key_id FROM signing_key ORDER BY valid_from DESC LIMIT 1")
                .query(String.class)
                .single();
        jdbc.sql(
                        """
                INSERT INTO signing_key (key_id, algorithm, public_key, valid_from, announced_at, predecessor,
                    announcement_signature, acceptance_signature) VALUES (?, 'Ed25519', ?, ?, CURRENT_TIMESTAMP, ?, ?, ?)""")
                .params(
                        own.id(),
                        own.publicKey(),
                        forged,
                        keyInUse,
                        own.sign(announcement),
                        own.sign(SigningKey.acceptanceMessage(announcement, keyInUse)))
                .update();
        checkpoint(forged, hash, own.id(), own.sign(SigningKey.checkpointMessage(forged, hash)));

        expectBrokenAt(forged, "not the key of its period");

        jdbc.sql("DELETE FROM signing_key WHERE key_id = ?").param(own.id()).update();
        undoAppend(forged);
    }

    @Test
    void a_chain_recomputed_over_a_changed_event_no_longer_matches_its_signatures() throws Exception {
        byte[] original = payload(first);
        List<Map<String, Object>> links = jdbc.sql("SELECT position, hash FROM event_hash WHERE position >= ?")
                .param(first)
                .query()
                .listOfRows();
        String changed =
                new String(original, java.nio.charset.StandardCharsets.UTF_8).replace("1500000000", "1600000000");
        jdbc.sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                .params(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8), first)
                .update();
        jdbc.sql("DELETE FROM event_hash WHERE position >= ?").param(first).update();
        linkAsTheChainWould(first);
        linkAsTheChainWould(second);

        expectBrokenAt(first, "recomputed by someone without the key");

        jdbc.sql("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")
                .params(original, first)
                .update();
        jdbc.sql("DELETE FROM event_hash WHERE position >= ?").param(first).update();
        for (Map<String, Object> link : links) {
            jdbc.sql("INSERT INTO event_hash (position, hash) VALUES (?, ?)")
                    .params(link.get("position"), link.get("hash"))
                    .update();
        }
    }

    /** A copy of the event at {@code position} appended as the stream's next event, as a forger would; its position. */
    private long appendCopyOf(long position) {
        jdbc.sql(
                        """
                INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,
                    metaData, payload, payloadRevision, payloadType, timeStamp)
                SELECT aggregateIdentifier, 1000, type, 'forged-append', metaData, payload, payloadRevision,
                    payloadType, timeStamp FROM DomainEventEntry WHERE globalIndex = ?""")
                .param(position)
                .update();
        return jdbc.sql("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = 'forged-append'")
                .query(Long.class)
                .single();
    }

    /** Writes the link the chain's public formula gives for the event at {@code position}; returns the hash. */
    private String linkAsTheChainWould(long position) {
        String previous = jdbc.sql("SELECT hash FROM event_hash WHERE position < ? ORDER BY position DESC LIMIT 1")
                .param(position)
                .query(String.class)
                .optional()
                .orElse(HashChain.GENESIS);
        StoredEvent event = jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM DomainEventEntry WHERE globalIndex = ?")
                .param(position)
                .query((row, n) -> StoredEvent.from(row))
                .single();
        String hash = HashChain.next(previous, event);
        jdbc.sql("INSERT INTO event_hash (position, hash) VALUES (?, ?)")
                .params(position, hash)
                .update();
        return hash;
    }

    private void checkpoint(long position, String hash, String keyId, String signature) {
        jdbc.sql("INSERT INTO chain_checkpoint (position, hash, key_id, signature, signed_at)"
                        + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")
                .params(position, hash, keyId, signature)
                .update();
    }

    private void undoAppend(long position) {
        jdbc.sql("DELETE FROM chain_checkpoint WHERE position = ?")
                .param(position)
                .update();
        jdbc.sql("DELETE FROM event_hash WHERE position = ?").param(position).update();
        jdbc.sql("DELETE FROM DomainEventEntry WHERE globalIndex = ?")
                .param(position)
                .update();
    }

    private void swap(long a, long b) {
        jdbc.sql("UPDATE DomainEventEntry SET globalIndex = -1 WHERE globalIndex = ?")
                .param(a)
                .update();
        jdbc.sql("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?")
                .params(a, b)
                .update();
        jdbc.sql("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = -1")
                .param(b)
                .update();
    }

    private void expectBrokenAt(long position, String word) throws Exception {
        ChainVerifier.Verification verification = verifier.verify();
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstInvalidPosition()).isEqualTo(position);
        assertThat(verification.detail()).contains(word);
    }

    private byte[] payload(long position) {
        return jdbc.sql("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?")
                .param(position)
                .query(byte[].class)
                .single();
    }
}
