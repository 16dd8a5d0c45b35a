package cn.zhaoshang.tracker.project.api;

import org.axonframework.serialization.Revision;

/**
 * 凭证: a document (a contract scan, a bank receipt, a business licence) that supports the project's own event at
 * sequence {@code attachedTo}. The file itself is kept outside the history, by its SHA-256; the event records the
 * hash, so that an altered or swapped file no longer matches what the history says was attached.
 */
@Revision("1")
public record EvidenceAttached(
        ProjectId projectId,
        String sha256,
        String fileName,
        String mediaType,
        long sizeBytes,
        long attachedTo,
        String note)
        implements ProjectEvent {}
