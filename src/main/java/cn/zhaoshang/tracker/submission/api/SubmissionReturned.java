package cn.zhaoshang.tracker.submission.api;

import org.axonframework.serialization.Revision;

/** A reviewer returned a submission with an opinion (退回); the zone may submit the month again. */
@Revision("1")
public record SubmissionReturned(String submissionId, String zoneId, String opinion) {}
