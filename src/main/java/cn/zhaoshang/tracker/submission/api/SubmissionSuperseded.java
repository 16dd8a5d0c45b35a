package cn.zhaoshang.tracker.submission.api;

import org.axonframework.serialization.Revision;

/** An accepted submission was replaced by the accepted restatement {@code supersededBy}. */
@Revision("1")
public record SubmissionSuperseded(String submissionId, String zoneId, String supersededBy) {}
