package cn.zhaoshang.tracker.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the outputs show of one zone and year at one report point: the contract's report and the dashboard's
 * views, computed together from the same rows. The API's views, the dashboard, "then and now" and the 月报 workbook
 * all take their figures from here (through {@link Caliber}), so that they cannot disagree.
 *
 * @param from the first day of the window (1 January)
 * @param until the last day of the window: 31 December, or {@code asOf} if earlier
 */
record ZoneYearViews(
        String zoneName,
        ZoneYearReport report,
        LocalDate from,
        LocalDate until,
        List<DashboardViews.Month> monthly,
        List<DashboardViews.IndustryShare> industries,
        DashboardViews.Pipeline pipeline,
        List<DashboardViews.Top500Investor> top500) {

    LocalDate asOf() {
        return report.asOf();
    }

    int year() {
        return report.year();
    }
}
