package cn.zhaoshang.tracker.audit;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys a verification trusts: the anchor (the key the application holds, or the one an auditor pinned) and, going
 * back, each key it accepted as its predecessor, every announcement signed by the key before it and accepted by the
 * key itself. A key announced but not in this line is unknown, and so is every checkpoint it signed.
 */
final class KeyLineage {

    private final List<SigningKeys.Published> trusted;
    private final String problem;
    /** Each trusted key decoded once: a verification checks thousands of signatures with a handful of keys. */
    private final Map<String, PublicKey> decoded = new HashMap<>();

    private KeyLineage(List<SigningKeys.Published> trusted, String problem) {
        this.trusted = trusted;
        this.problem = problem;
    }

    static KeyLineage of(List<SigningKeys.Published> keys, String anchor) {
        Map<String, SigningKeys.Published> byId = new HashMap<>();
        keys.forEach(key -> byId.put(key.keyId(), key));
        List<SigningKeys.Published> line = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        SigningKeys.Published key = byId.get(anchor);
        if (key == null) {
            return new KeyLineage(List.of(), "密钥 %s 从未公布 / the key %s was never announced".formatted(anchor, anchor));
        }
        while (key != null) {
            String announcement = SigningKey.announcementMessage(key.keyId(), key.publicKey(), key.validFrom());
            SigningKeys.Published predecessor = key.predecessor() == null ? null : byId.get(key.predecessor());
            boolean accepted = SigningKey.idOf(key.publicKey()).equals(key.keyId())
                    && SigningKey.verify(
                            key.publicKey(),
                            SigningKey.acceptanceMessage(announcement, key.predecessor()),
                            key.acceptanceSignature());
            String announcer =
                    key.predecessor() == null ? key.publicKey() : predecessor == null ? null : predecessor.publicKey();
            boolean announced = announcer != null
                    && SigningKey.verify(announcer, announcement, key.announcementSignature())
                    && (predecessor == null || predecessor.validFrom() < key.validFrom());
            if (!accepted || !announced || !seen.add(key.keyId())) {
                return new KeyLineage(
                        List.of(),
                        "密钥 %s 的公布签名无效 / the announcement of key %s is not validly signed"
                                .formatted(key.keyId(), key.keyId()));
            }
            line.add(key);
            key = predecessor;
        }
        Collections.reverse(line);
        return new KeyLineage(List.copyOf(line), null);
    }

    /** Null when the line of keys holds; else what is wrong with it. */
    String problem() {
        return problem;
    }

    /** The trusted key whose period holds the position, or null. */
    SigningKeys.Published keyAt(long position) {
        SigningKeys.Published found = null;
        for (SigningKeys.Published key : trusted) {
            if (key.validFrom() <= position) {
                found = key;
            }
        }
        return found;
    }

    /** Null when the checkpoint is signed by the key of its period; else why not. */
    String check(long position, String hash, String keyId, String signature) {
        String wrongKey = keyProblem(position, keyId);
        return wrongKey != null ? wrongKey : signatureProblem(position, hash, signature);
    }

    /** Null when {@code keyId} is the trusted key of the position's period; else why not. */
    String keyProblem(long position, String keyId) {
        SigningKeys.Published key = keyAt(position);
        if (key == null || !key.keyId().equals(keyId)) {
            return "位置 %d 的检查点由未知或不当期的密钥 %s 签名 / the checkpoint at position %d is signed by key %s, not the key of its period"
                    .formatted(position, keyId, position, keyId);
        }
        return null;
    }

    /** Null when the signature is the period's key's over the chain's hash at the position; else why not. */
    String signatureProblem(long position, String hash, String signature) {
        SigningKeys.Published key = keyAt(position);
        PublicKey publicKey =
                key == null ? null : decoded.computeIfAbsent(key.keyId(), id -> SigningKey.decode(key.publicKey()));
        if (publicKey == null
                || !SigningKey.verify(publicKey, SigningKey.checkpointMessage(position, hash), signature)) {
            return "位置 %d 的检查点签名无效 / the checkpoint at position %d has an invalid signature"
                    .formatted(position, position);
        }
        return null;
    }
}
