/**
 * What the audit slice offers other slices: the hash chain's value at a position. (Stored events by position with
 * their readable line are asked through {@code shared.RecordedEvents}, which the audit slice answers.)
 */
package cn.zhaoshang.tracker.audit.api;
