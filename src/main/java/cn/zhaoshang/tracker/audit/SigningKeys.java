package cn.zhaoshang.tracker.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's signing key ({@code tracker.signing.key-file}) and the public keys it has announced. A key in use
 * is announced once in {@code signing_key}, under the append lock, before it signs anything: the first by itself, a
 * new one (rotation) by the key before it, read from {@code tracker.signing.previous-key-file}; each row is also
 * signed by its own key, accepting its predecessor, so that nobody without the key can graft a key of theirs before
 * it. A key file whose key is not the one in use, without the previous key to announce it, stops the start.
 */
@Component
class SigningKeys {

    private final SigningKey key;
    private final SigningKey previous;
    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile boolean announced;

    SigningKeys(
            @Value("${tracker.signing.key-file:}") String keyFile,
            @Value("${tracker.signing.create-key:false}") boolean createKey,
            @Value("${tracker.signing.previous-key-file:}") String previousKeyFile,
            JdbcClient jdbc,
            Clock clock) {
        if (keyFile.isBlank()) {
            throw new IllegalStateException("拒绝启动：未配置签名密钥 / refusing to start without a signing key:"
                    + " set tracker.signing.key-file (TRACKER_SIGNING_KEYFILE), see docs/operations.md");
        }
        this.key = createKey ? KeyFile.readOrCreate(Path.of(keyFile)) : KeyFile.read(Path.of(keyFile));
        this.previous = previousKeyFile.isBlank() ? null : KeyFile.read(Path.of(previousKeyFile));
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A public key as published, with the positions it signs: from {@code validFrom} up to {@code validUntil}. */
    record Published(
            String keyId,
            String algorithm,
            String publicKey,
            long validFrom,
            Long validUntil,
            Instant announcedAt,
            String predecessor,
            String announcementSignature,
            String acceptanceSignature) {}

    String keyId() {
        return key.id();
    }

    String sign(String message) {
        return key.sign(message);
    }

    /** Makes sure the key in use is announced; called on the appending connection, holding the append lock. */
    void announce(Connection connection) throws SQLException {
        if (announced) {
            return;
        }
        String inUse = null;
        try (PreparedStatement latest =
                        connection.prepareStatement("SELECT key_id FROM signing_key ORDER BY valid_from DESC");
                ResultSet row = latest.executeQuery()) {
            if (row.next()) {
                inUse = row.getString(1);
            }
        }
        if (key.id().equals(inUse)) {
            announcedOnCommit();
            return;
        }
        SigningKey announcer;
        if (inUse == null) {
            announcer = key;
        } else if (previous != null && previous.id().equals(inUse)) {
            announcer = previous;
        } else {
            throw new IllegalStateException("签名密钥 %s 不是正在使用的密钥 %s / the signing key %s is not the key in use, %s:"
                            .formatted(key.id(), inUse, key.id(), inUse)
                    + " to rotate keys, give the key in use as tracker.signing.previous-key-file");
        }
        long validFrom;
        try (PreparedStatement next =
                        connection.prepareStatement("SELECT COALESCE(MAX(position), 0) + 1 FROM chain_checkpoint");
                ResultSet row = next.executeQuery()) {
            row.next();
            validFrom = row.getLong(1);
        }
        String announcement = SigningKey.announcementMessage(key.id(), key.publicKey(), validFrom);
        try (PreparedStatement insert = connection.prepareStatement(
                """
                INSERT INTO signing_key (key_id, algorithm, public_key, valid_from, announced_at, predecessor,
                    announcement_signature, acceptance_signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, key.id());
            insert.setString(2, SigningKey.ALGORITHM);
            insert.setString(3, key.publicKey());
            insert.setLong(4, validFrom);
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.setString(6, inUse);
            insert.setString(7, announcer.sign(announcement));
            insert.setString(8, key.sign(SigningKey.acceptanceMessage(announcement, inUse)));
            insert.executeUpdate();
        }
        announcedOnCommit();
    }

    /**
     * Remembers the announcement once the transaction that wrote or read it commits: remembered at once, a
     * transaction rolled back after its first append would leave the key signing checkpoints without its
     * announcement until the next start, and the chain would no longer verify. Outside a transaction nothing is
     * remembered, and the next append asks again.
     */
    private void announcedOnCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    announced = true;
                }
            });
        }
    }

    /** Every key announced, oldest first. */
    List<Published> published() {
        List<Published> keys = new ArrayList<>();
        List<Published> rows = jdbc.sql(
                        """
                SELECT key_id, algorithm, public_key, valid_from, announced_at, predecessor, announcement_signature,
                    acceptance_signature FROM signing_key ORDER BY valid_from""")
                .query((row, n) -> new Published(
                        row.getString("key_id"),
                        row.getString("algorithm"),
                        row.getString("public_key"),
                        row.getLong("valid_from"),
                        null,
                        row.getTimestamp("announced_at").toInstant(),
                        row.getString("predecessor"),
                        row.getString("announcement_signature"),
                        row.getString("acceptance_signature")))
                .list();
        for (int i = 0; i < rows.size(); i++) {
            Published row = rows.get(i);
            Long until = i + 1 < rows.size() ? rows.get(i + 1).validFrom() - 1 : null;
            keys.add(new Published(
                    row.keyId(),
                    row.algorithm(),
                    row.publicKey(),
                    row.validFrom(),
                    until,
                    row.announcedAt(),
                    row.predecessor(),
                    row.announcementSignature(),
                    row.acceptanceSignature()));
        }
        return keys;
    }
}
