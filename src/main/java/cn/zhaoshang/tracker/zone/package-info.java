/**
 * Write slice for development zones and their annual targets (全年任务). It also keeps the directory of known
 * zones that other slices consult, through {@link cn.zhaoshang.tracker.zone.api.KnownZones}, before they accept
 * a fact about a zone.
 */
package cn.zhaoshang.tracker.zone;
