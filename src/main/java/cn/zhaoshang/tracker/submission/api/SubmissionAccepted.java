package cn.zhaoshang.tracker.submission.api;

import cn.zhaoshang.tracker.shared.Reasoned;
import org.axonframework.serialization.Revision;

/** A reviewer accepted a submission: its figures are the zone's official ones for the month. Opinion may be null. */
@Revision("1")
public record SubmissionAccepted(String submissionId, String zoneId, String opinion) implements Reasoned {

    /** The reviewer's opinion is the reason shown in the history. */
    @Override
    public String reason() {
        return opinion;
    }
}
