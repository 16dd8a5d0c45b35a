/**
 * Read slice for leadership's figures: the zone-year and city reports and the dashboard views. Its projection keeps
 * bitemporal fact rows (business date × positions during which they were believed), so any report as of any date
 * and as known at any moment is a query over rows, never a replay of events.
 */
package cn.zhaoshang.tracker.report;
