package cn.zhaoshang.tracker.audit;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar investment-tracker.jar new-signing-key FILE}: makes a signing key file (owner-only) for an
 * installation whose profile does not make one itself (postgres), and prints its key id.
 */
public final class SigningKeyFiles {

    private SigningKeyFiles() {}

    /** Exit status: 0 made, 1 the file exists already (it is never overwritten), 2 it could not be written. */
    public static int create(Path file, PrintStream out) {
        if (Files.exists(file)) {
            out.printf("%s exists already; a key file is never overwritten%n", file);
            return 1;
        }
        try {
            SigningKey key = KeyFile.readOrCreate(file);
            out.printf("made %s (Ed25519, owner-only), key id %s%n", file, key.id());
            return 0;
        } catch (IllegalStateException failed) {
            out.println(failed.getMessage());
            return 2;
        }
    }
}
