package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.platform.AggregateLocks;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.SignedProjects;
import cn.zhaoshang.tracker.project.api.SigningKey;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@link SigningKeys} as rows of {@code aggregate_lock} named by {@link SigningKey#lockName()} (ADR 0022), and the
 * projects signed under a key from {@link SignedProjects}, a table written in the transaction of each signing. An
 * HTTP signing holds the row before anything else ({@code CommandTransaction}); holding it again here costs one
 * update and makes every other caller (the import, the demo data) safe too.
 */
@Component
class SigningKeyLocks implements SigningKeys {

    private final AggregateLocks locks;
    private final SignedProjects signed;

    SigningKeyLocks(AggregateLocks locks, SignedProjects signed) {
        this.locks = locks;
        this.signed = signed;
    }

    @Override
    public List<ProjectId> hold(SigningKey key) {
        locks.hold(key.lockName());
        return signed.signedAs(key);
    }
}
