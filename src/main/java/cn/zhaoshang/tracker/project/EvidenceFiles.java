package cn.zhaoshang.tracker.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code evidence_file}: each file once, under the SHA-256 of its bytes, never changed or removed (a
 * trigger refuses it). In the database, so that a backup, PostgreSQL and several instances need nothing more, and a
 * file is committed with the event that names it.
 */
@Component
class EvidenceFiles {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    EvidenceFiles(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** A stored file: its type as found when it was received, and its bytes. */
    record StoredFile(String mediaType, byte[] content) {}

    /**
     * Stores the file unless a file with its hash is already there (the same bytes: nothing to add). Two requests
     * storing the same new file at once: the second finds the key taken, inside a savepoint so that its transaction
     * goes on.
     */
    void store(EvidenceUpload.Received file) {
        try (InputStream content = Files.newInputStream(file.path())) {
            savepoint.executeWithoutResult(status -> insertIfAbsent(file, content));
        } catch (DuplicateKeyException storedMeanwhile) {
            // the same bytes, stored by a concurrent request
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void insertIfAbsent(EvidenceUpload.Received file, InputStream content) {
        jdbc.update(
                """
                INSERT INTO evidence_file (sha256, media_type, size_bytes, content, stored_at)
                SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM evidence_file WHERE sha256 = ?)""",
                statement -> {
                    statement.setString(1, file.sha256());
                    statement.setString(2, file.mediaType());
                    statement.setLong(3, file.sizeBytes());
                    statement.setBinaryStream(4, content, file.sizeBytes());
                    statement.setObject(5, OffsetDateTime.now(clock));
                    statement.setString(6, file.sha256());
                });
    }

    /** The file's bytes (at most tracker.evidence.max-bytes). */
    Optional<StoredFile> read(String sha256) {
        return jdbc
                .query(
                        "SELECT media_type, content FROM evidence_file WHERE sha256 = ?",
                        (row, n) -> new StoredFile(row.getString(1), row.getBytes(2)),
                        sha256)
                .stream()
                .findFirst();
    }
}
