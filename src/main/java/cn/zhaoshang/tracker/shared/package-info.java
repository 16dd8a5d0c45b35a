/**
 * The few types every slice shares: the three ways a command can be refused. The platform turns each into
 * its HTTP status (409, 404, 412); no slice needs to know about HTTP.
 */
package cn.zhaoshang.tracker.shared;
