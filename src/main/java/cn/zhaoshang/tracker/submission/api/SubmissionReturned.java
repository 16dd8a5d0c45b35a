package cn.zhaoshang.tracker.submission.api;

import cn.zhaoshang.tracker.shared.Reasoned;
import org.axonframework.serialization.Revision;

/** A reviewer returned a submission with an opinion (退回); the zone may submit the month again. */
@Revision("1")
public record SubmissionReturned(String submissionId, String zoneId, String opinion) implements Reasoned {

    /** The reviewer's opinion is the reason shown in the history. */
    @Override
    public String reason() {
        return opinion;
    }
}
