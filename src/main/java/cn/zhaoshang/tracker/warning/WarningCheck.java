package cn.zhaoshang.tracker.warning;

import java.time.LocalDate;

/** The payload of a warning deadline: the day the colour is due to change (the check runs as of that day). */
record WarningCheck(LocalDate dueOn) {}
