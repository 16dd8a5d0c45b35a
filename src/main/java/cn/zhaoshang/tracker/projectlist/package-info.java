/**
 * Read slice for the project detail and the project list (the bureau's ledger, 台账). It is kept in step with
 * the events in the command's own transaction, so a command can answer with the detail it produced.
 */
package cn.zhaoshang.tracker.projectlist;
