package cn.zhaoshang.tracker.shared;

import java.util.Collection;
import java.util.List;

/** Looks up stored events by global position (the audit slice answers), for slices that show where a figure comes from. */
public interface RecordedEvents {

    /** The events at the positions that hold one, in global order. */
    List<RecordedEvent> at(Collection<Long> positions);
}
