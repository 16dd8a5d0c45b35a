/** What the audit slice offers other slices: the hash chain's value at a position. */
package cn.zhaoshang.tracker.audit.api;
