package cn.zhaoshang.tracker.submission;

import cn.zhaoshang.tracker.submission.api.SubmissionStatus;
import java.util.Map;

/** The submissions of a zone-month and where each stands, read by the submitting rule in the command's transaction. */
interface ZoneMonths {

    /** Submission id → status, for the zone's month. */
    Map<String, SubmissionStatus> of(String zoneId, int year, int month);
}
