package cn.zhaoshang.tracker.submission.api;

import org.axonframework.serialization.Revision;

/** A reviewer accepted a submission: its figures are the zone's official ones for the month. Opinion may be null. */
@Revision("1")
public record SubmissionAccepted(String submissionId, String zoneId, String opinion) {}
