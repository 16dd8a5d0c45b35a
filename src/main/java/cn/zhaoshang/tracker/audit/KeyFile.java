package cn.zhaoshang.tracker.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The signing key's file, outside the database: two lines, {@code private=<base64 PKCS#8>} and
 * {@code public=<base64 X.509>}, readable and writable by its owner only. Made on first start where that is allowed
 * (the embedded default); refused when anyone else may read it.
 */
final class KeyFile {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private KeyFile() {}

    static SigningKey read(Path file) {
        try {
            requireOwnerOnly(file);
            String privateKey = null;
            String publicKey = null;
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (line.startsWith("private=")) {
                    privateKey = line.substring("private=".length()).strip();
                } else if (line.startsWith("public=")) {
                    publicKey = line.substring("public=".length()).strip();
                }
            }
            if (privateKey == null || publicKey == null) {
                throw new IllegalStateException(
                        "签名密钥文件格式不对 / the signing key file " + file + " must hold the lines private=… and public=…");
            }
            return SigningKey.of(privateKey, publicKey);
        } catch (IOException | GeneralSecurityException unreadable) {
            throw new IllegalStateException(
                    "无法读取签名密钥 / cannot read the signing key " + file + ": " + unreadable.getMessage(), unreadable);
        }
    }

    /** The key in {@code file}, made there first if there is none (two instances starting at once make one). */
    static SigningKey readOrCreate(Path file) {
        if (!Files.exists(file)) {
            try {
                Path folder = file.toAbsolutePath().getParent();
                Files.createDirectories(folder);
                SigningKey key = SigningKey.generate();
                // a temporary file is made owner-only (rw-------) before anything is written to it
                Path draft = Files.createTempFile(folder, ".signing-key", ".tmp");
                Files.writeString(
                        draft,
                        "private=" + key.privateKeyBase64() + "\npublic=" + key.publicKey() + "\n",
                        StandardCharsets.US_ASCII);
                try {
                    Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    Files.deleteIfExists(draft);
                }
            } catch (IOException cannotWrite) {
                throw new IllegalStateException(
                        "无法创建签名密钥 / cannot create the signing key " + file + ": " + cannotWrite.getMessage(),
                        cannotWrite);
            }
        }
        return read(file);
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IllegalStateException("签名密钥文件只能由其所有者读写 / the signing key file " + file
                    + " must be readable and writable by its owner only (chmod 600), it is "
                    + PosixFilePermissions.toString(permissions));
        }
    }
}
