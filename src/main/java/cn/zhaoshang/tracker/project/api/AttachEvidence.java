package cn.zhaoshang.tracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Attaches a stored file (already type-checked and hashed) to the project's event at sequence {@code attachedTo}. */
public record AttachEvidence(
        @TargetAggregateIdentifier ProjectId projectId,
        String sha256,
        String fileName,
        String mediaType,
        long sizeBytes,
        long attachedTo,
        String note,
        Long expectedVersion)
        implements ExpectsVersion {}
