/**
 * Read slice for auditors and anyone who asks "where does this come from": the history of a project, read
 * straight from the event store with who recorded each event, when and why.
 */
package cn.zhaoshang.tracker.audit;
