package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.InMemoryTracker;
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
 * event — after dropping the append-only triggers. The verification finds the first position that no longer
 * matches. Each test undoes its alteration, and the chain verifies again.
 */
@InMemoryTracker
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:tampering;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class TamperingIT {

    private static final String TRIGGER = "CREATE TRIGGER domain_event_append_only BEFORE UPDATE, DELETE ON"
            + " DomainEventEntry FOR EACH ROW CALL 'cn.zhaoshang.tracker.platform.AppendOnlyTrigger'";

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
        jdbc.sql("DROP TRIGGER domain_event_append_only").update();
    }

    @AfterEach
    void chainHoldsAgainOnceUndone() throws Exception {
        jdbc.sql(TRIGGER).update();
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
