package cn.zhaoshang.tracker.project;

import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.SigningKey;
import java.util.List;

/**
 * The projects already signed under a key, for the signing's rule: the key is held to the end of the transaction
 * first, so that of two signings under one key the second waits for the first to commit and then finds it.
 */
interface SigningKeys {

    /** Holds the key until the transaction ends; then the projects signed under it, ordered by id. */
    List<ProjectId> hold(SigningKey key);
}
