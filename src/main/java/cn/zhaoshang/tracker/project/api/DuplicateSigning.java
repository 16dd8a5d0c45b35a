package cn.zhaoshang.tracker.project.api;

import cn.zhaoshang.tracker.shared.CommandRejected;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A signing under a {@link SigningKey} that projects already have (HTTP 409): most likely the same project recorded
 * twice. {@code existing} lists them all; a signing that names every one of them as a different project
 * ({@link SignProject#distinctFrom()}) is recorded.
 */
public class DuplicateSigning extends CommandRejected {

    private final SigningKey key;
    private final List<ProjectId> existing;

    public DuplicateSigning(SigningKey key, List<ProjectId> existing) {
        super("开发区 %s 已登记 %s 签约的同名项目“%s”：%s / zone %s already has a project named \"%s\" signed on %s: %s"
                .formatted(
                        key.zoneId(),
                        key.signedOn(),
                        key.name(),
                        ids(existing),
                        key.zoneId(),
                        key.name(),
                        key.signedOn(),
                        ids(existing)));
        this.key = key;
        this.existing = List.copyOf(existing);
    }

    public SigningKey key() {
        return key;
    }

    /** Every project signed under the key, ordered by id. */
    public List<ProjectId> existing() {
        return existing;
    }

    private static String ids(List<ProjectId> existing) {
        return existing.stream().map(ProjectId::value).collect(Collectors.joining(", "));
    }
}
