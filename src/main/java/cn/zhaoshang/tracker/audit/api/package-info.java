/**
 * What the audit slice offers other slices: the hash chain's value at a position, and stored events by position
 * with their readable line.
 */
package cn.zhaoshang.tracker.audit.api;
