/**
 * The published language of the warnings (履约预警): the colours and kinds, the zone's time rules, the events that
 * raise and clear a warning, and {@link cn.zhaoshang.tracker.warning.api.FlaggedProjects} for the reports.
 */
package cn.zhaoshang.tracker.warning.api;
