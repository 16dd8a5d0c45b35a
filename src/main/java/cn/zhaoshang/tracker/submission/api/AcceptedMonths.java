package cn.zhaoshang.tracker.submission.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;

/** The official figures of a month: each zone's accepted submission (the latest accepted restatement). */
public interface AcceptedMonths {

    /** Zone id → its accepted submission of the month; zones without one are absent. */
    Map<String, Accepted> of(Collection<String> zoneIds, int year, int month);

    record Accepted(String submissionId, long position, ObjectNode figures) {}
}
