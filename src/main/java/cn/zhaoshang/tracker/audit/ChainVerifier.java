package cn.zhaoshang.tracker.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Recomputes the chain from the stored events and compares it with the stored links and the signed checkpoints,
 * walking the three tables in global order side by side (streamed, so the whole history never sits in memory). A
 * changed or reordered event breaks the link at its position; a deleted event leaves a link without its event; an
 * event without a link was not stored by the application; a chain recomputed by someone without the key no longer
 * matches the checkpoints signed over it; an event after the last valid checkpoint is covered by no signature. The
 * keys trusted are the one this application holds and the predecessors it accepted, by the offline check's own rule
 * ({@link VerifyExport.Lineage}), so that the verification and the check of an export trust the same keys.
 */
@Component
class ChainVerifier {

    private final DataSource dataSource;
    private final SigningKeys keys;

    ChainVerifier(DataSource dataSource, SigningKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    record Verification(
            boolean valid,
            long eventsChecked,
            Long headPosition,
            String headHash,
            Long firstInvalidPosition,
            String detail,
            long checkpointsChecked,
            Long signedUpTo,
            String keyId) {}

    Verification verify() throws SQLException {
        VerifyExport.Lineage lineage = VerifyExport.Lineage.of(
                keys.published().stream()
                        .map(key -> new VerifyExport.Key(
                                key.keyId(),
                                key.publicKey(),
                                key.validFrom(),
                                key.predecessor(),
                                key.announcementSignature(),
                                key.acceptanceSignature()))
                        .toList(),
                keys.keyId());
        try (Connection events = dataSource.getConnection();
                Connection chain = dataSource.getConnection();
                Connection signed = dataSource.getConnection();
                PreparedStatement eventQuery = events.prepareStatement("SELECT " + StoredEvent.COLUMNS
                        + " FROM DomainEventEntry WHERE globalIndex <= ? ORDER BY globalIndex");
                PreparedStatement hashQuery = chain.prepareStatement(
                        "SELECT position, hash FROM event_hash WHERE position <= ? ORDER BY position");
                PreparedStatement checkpointQuery = signed.prepareStatement("SELECT position, hash, key_id, signature"
                        + " FROM chain_checkpoint WHERE position <= ? ORDER BY position")) {
            // The three tables are read on three connections while commits go on: each read stops at the events
            // stored when the verification began. A commit stores its events, links and checkpoint together, so
            // everything up to that point is visible to all three; a commit after it is left to the next verification.
            long upTo = head(events);
            eventQuery.setLong(1, upTo);
            hashQuery.setLong(1, upTo);
            checkpointQuery.setLong(1, upTo);
            eventQuery.setFetchSize(1000);
            hashQuery.setFetchSize(1000);
            checkpointQuery.setFetchSize(1000);
            try (ResultSet eventRows = eventQuery.executeQuery();
                    ResultSet hashRows = hashQuery.executeQuery();
                    ResultSet checkpointRows = checkpointQuery.executeQuery()) {
                return new Walk(lineage, checkpointRows).through(eventRows, hashRows);
            }
        }
    }

    private static long head(Connection connection) throws SQLException {
        try (PreparedStatement head =
                        connection.prepareStatement("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry");
                ResultSet row = head.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** One pass over the three tables; the checkpoints are consumed as the events reach their positions. */
    private static final class Walk {

        private final VerifyExport.Lineage lineage;
        private final ResultSet checkpoints;
        private boolean moreCheckpoints;
        private long checkpointsChecked;
        private Long signedUpTo;
        private String keyId;
        private Checkpoint unverified;

        Walk(VerifyExport.Lineage lineage, ResultSet checkpoints) throws SQLException {
            this.lineage = lineage;
            this.checkpoints = checkpoints;
            this.moreCheckpoints = checkpoints.next();
        }

        Verification through(ResultSet eventRows, ResultSet hashRows) throws SQLException {
            String previous = HashChain.GENESIS;
            Long head = null;
            long checked = 0;
            boolean moreHashes = hashRows.next();
            while (eventRows.next()) {
                StoredEvent event = StoredEvent.from(eventRows);
                long chained = moreHashes ? hashRows.getLong(1) : Long.MAX_VALUE;
                if (chained < event.position()) {
                    return broken(checked, chained, "位置 %d 的事件已被删除 / the event at position %d was deleted");
                }
                if (event.position() < chained) {
                    return broken(
                            checked,
                            event.position(),
                            "位置 %d 的事件没有链接，不是本系统写入的（被插入或追加）"
                                    + " / the event at position %d has no link: the application did not store it"
                                    + " (inserted or appended)");
                }
                String hash = hashRows.getString(2);
                if (!HashChain.next(previous, event).equals(hash)) {
                    return broken(
                            checked,
                            event.position(),
                            "位置 %d 的事件内容、元数据或顺序已被改动 / the event at position %d was changed or moved");
                }
                String unsigned = checkpointsAt(event.position(), hash);
                if (unsigned != null) {
                    return new Verification(
                            false,
                            checked,
                            null,
                            null,
                            event.position(),
                            unsigned,
                            checkpointsChecked,
                            signedUpTo,
                            keyId);
                }
                previous = hash;
                head = event.position();
                checked++;
                moreHashes = hashRows.next();
            }
            if (moreHashes) {
                return broken(checked, hashRows.getLong(1), "位置 %d 的事件已被删除 / the event at position %d was deleted");
            }
            if (unverified != null) {
                long last = unverified.position();
                String invalid = verifySignature();
                if (invalid != null) {
                    return new Verification(
                            false, checked, null, null, last, invalid, checkpointsChecked, signedUpTo, keyId);
                }
            }
            if (moreCheckpoints) {
                long orphan = checkpoints.getLong(1);
                return broken(
                        checked,
                        orphan,
                        "位置 %d 的检查点所签的事件已不存在（被删除）/ the event the checkpoint at position %d signs was deleted");
            }
            if (head != null && (signedUpTo == null || signedUpTo < head)) {
                long first = signedUpTo == null ? 1 : signedUpTo + 1;
                return new Verification(
                        false,
                        checked,
                        null,
                        null,
                        first,
                        ("位置 %d 起的事件没有任何有效的签名检查点（由无密钥者追加）"
                                        + " / no valid signed checkpoint covers the events from position %d on"
                                        + " (appended by someone without the key)")
                                .formatted(first, first),
                        checkpointsChecked,
                        signedUpTo,
                        keyId);
            }
            return new Verification(
                    true,
                    checked,
                    head,
                    head == null ? null : previous,
                    null,
                    null,
                    checkpointsChecked,
                    signedUpTo,
                    keyId);
        }

        /**
         * The signature of the last checkpoint of each key's period (and of the last of all) is verified: its hash
         * holds the whole chain before it, whose every other checkpoint has been checked for its key and hash. The
         * offline check (verify-export) verifies every signature.
         */
        private String verifySignature() {
            String invalid = lineage.signatureProblem(unverified.position(), unverified.hash(), unverified.signature());
            unverified = null;
            return invalid;
        }

        private record Checkpoint(long position, String hash, String keyId, String signature) {}

        /** Checks the checkpoint at this position, if any; a checkpoint before it names an event that is gone. */
        private String checkpointsAt(long position, String hash) throws SQLException {
            while (moreCheckpoints && checkpoints.getLong(1) <= position) {
                long at = checkpoints.getLong(1);
                if (at < position) {
                    return "位置 %d 的检查点所签的事件已不存在（被删除）/ the event the checkpoint at position %d signs was deleted"
                            .formatted(at, at);
                }
                if (lineage.problem() != null) {
                    return lineage.problem();
                }
                if (!checkpoints.getString(2).equals(hash)) {
                    return ("位置 %d 的哈希链与签名检查点不符（链被无密钥者重算）"
                                    + " / the chain at position %d differs from its signed checkpoint"
                                    + " (recomputed by someone without the key)")
                            .formatted(position, position);
                }
                String checkpointKey = checkpoints.getString(3);
                String wrongKey = lineage.keyProblem(position, checkpointKey);
                if (wrongKey != null) {
                    return wrongKey;
                }
                if (unverified != null && !unverified.keyId().equals(checkpointKey)) {
                    String invalid = verifySignature();
                    if (invalid != null) {
                        return invalid;
                    }
                }
                unverified = new Checkpoint(position, hash, checkpointKey, checkpoints.getString(4));
                checkpointsChecked++;
                signedUpTo = position;
                keyId = checkpointKey;
                moreCheckpoints = checkpoints.next();
            }
            return null;
        }

        private Verification broken(long checked, long position, String message) {
            return new Verification(
                    false,
                    checked,
                    null,
                    null,
                    position,
                    message.formatted(position, position),
                    checkpointsChecked,
                    signedUpTo,
                    keyId);
        }
    }
}
