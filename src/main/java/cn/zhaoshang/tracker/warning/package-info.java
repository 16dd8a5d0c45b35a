/**
 * Warnings (履约预警): a saga watches every project against its zone's time rules on persistent Axon deadlines and
 * raises or clears a warning as events of the project's {@code ProjectWarning}; a projection lists the flagged
 * projects for the reports and the dashboard.
 */
package cn.zhaoshang.tracker.warning;
