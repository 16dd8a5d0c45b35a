package cn.zhaoshang.tracker.project.api;

import java.util.List;

/**
 * The projects signed under a {@link SigningKey}, with their signing dates as corrected; read in the caller's
 * transaction from a table kept in step with the events, so a signing committed before is always found.
 */
public interface SignedProjects {

    /** Usually none or one; more only where a signing was confirmed to be a different project. Ordered by id. */
    List<ProjectId> signedAs(SigningKey key);
}
