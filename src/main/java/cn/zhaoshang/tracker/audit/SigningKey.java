package cn.zhaoshang.tracker.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key pair of the application (the JDK's own EdDSA): it signs the chain's checkpoints and the announcement
 * of the key that follows it. The key id is the first 16 hex digits of the SHA-256 of the public key's X.509 bytes,
 * so anyone holding the public key can compute it. The messages signed are plain text, written down in
 * docs/auditing.md so that an auditor can check a signature with any Ed25519 tool.
 */
final class SigningKey {

    static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final String publicKey;
    private final String id;

    private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = Base64.getEncoder().encodeToString(publicKey.getEncoded());
        this.id = idOf(this.publicKey);
    }

    static SigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new SigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("the JDK has no Ed25519", unavailable);
        }
    }

    /** From the base64 PKCS#8 private key and X.509 public key a key file holds. */
    static SigningKey of(String privateKeyBase64, String publicKeyBase64) throws GeneralSecurityException {
        KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
        PrivateKey privateKey =
                keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64)));
        PublicKey publicKey =
                keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
        SigningKey key = new SigningKey(privateKey, publicKey);
        String probe = "tracker-key-probe";
        if (!VerifyExport.verify(key.publicKey(), probe, key.sign(probe))) {
            throw new GeneralSecurityException("the key file's public key does not belong to its private key");
        }
        return key;
    }

    String id() {
        return id;
    }

    /** Base64 of the X.509 encoding. */
    String publicKey() {
        return publicKey;
    }

    String privateKeyBase64() {
        return Base64.getEncoder().encodeToString(privateKey.getEncoded());
    }

    /** Base64 of the Ed25519 signature of the message's UTF-8 bytes. */
    String sign(String message) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException broken) {
            throw new IllegalStateException("cannot sign with key " + id, broken);
        }
    }

    static String idOf(String publicKeyBase64) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Base64.getDecoder().decode(publicKeyBase64));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (GeneralSecurityException | IllegalArgumentException malformed) {
            return "invalid";
        }
    }

    /** What a checkpoint's signature covers: the chain's hash at a position. */
    static String checkpointMessage(long position, String hash) {
        return "tracker-checkpoint\n" + position + "\n" + hash;
    }

    /** What a key signs of its own announcement: it follows {@code predecessor} (null for the first key). */
    static String acceptanceMessage(String announcement, String predecessor) {
        return announcement + "\nfollows " + (predecessor == null ? "none" : predecessor);
    }

    /** What the announcement of a key covers; signed by the key before it (the first key by itself). */
    static String announcementMessage(String keyId, String publicKeyBase64, long validFrom) {
        return "tracker-key\n" + keyId + "\n" + publicKeyBase64 + "\n" + validFrom;
    }
}
