package cn.zhaoshang.tracker.project.api;

import java.time.Instant;

/**
 * The evidence attached to a project, in the order it was attached (empty for a project without any); answered with
 * a list of {@link Result}. For a sample of the audit as for the project's page.
 */
public record FindEvidence(String projectId) {

    /** One attached file: what its event recorded, who recorded it when, and the event's global position. */
    public record Result(
            String sha256,
            String fileName,
            String mediaType,
            long sizeBytes,
            long attachedTo,
            String note,
            String recordedBy,
            Instant recordedAt,
            long position) {}
}
