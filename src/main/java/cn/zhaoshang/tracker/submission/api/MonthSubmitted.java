package cn.zhaoshang.tracker.submission.api;

import cn.zhaoshang.tracker.shared.Reasoned;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A zone reported a month upward (报送): its year-to-date zone-year figures as of the month's last day, frozen with the
 * history's position and chain hash they were computed at, so that an auditor can regenerate them
 * ({@code atPosition}). {@code restatementOf} and {@code restatementReason} are set when it restates an accepted
 * month (重新报送), null otherwise. Who submitted it is the event's {@code recordedBy}.
 */
@Revision("1")
public record MonthSubmitted(
        String submissionId,
        String zoneId,
        int year,
        int month,
        LocalDate asOf,
        long position,
        String positionHash,
        ObjectNode figures,
        String note,
        String restatementOf,
        String restatementReason)
        implements Reasoned {

    /** A restatement says why; a first submission has no reason. */
    @Override
    public String reason() {
        return restatementReason;
    }
}
