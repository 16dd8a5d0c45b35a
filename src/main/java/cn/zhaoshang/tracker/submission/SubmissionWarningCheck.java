package cn.zhaoshang.tracker.submission;

import java.time.LocalDate;

/** The payload of a submission warning deadline: the day a warning is due to change (the check runs as of it). */
record SubmissionWarningCheck(LocalDate on) {}
