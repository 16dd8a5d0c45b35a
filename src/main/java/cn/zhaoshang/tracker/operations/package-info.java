/**
 * Running the tracker: migrations at start, draining before a stop, health of the database and of the event
 * processors, metrics present from the first scrape, and the refusal to start in production with demo secrets.
 */
package cn.zhaoshang.tracker.operations;
