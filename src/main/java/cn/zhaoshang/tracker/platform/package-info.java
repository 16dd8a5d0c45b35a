/**
 * What every command and every read model stands on: Axon's JDBC store with appends in position order and each
 * aggregate held for its command, the Jackson serializer and who-recorded-it metadata, one transaction per command
 * with the API's Idempotency-Key and If-Match, read models and the tables commands look up, and where a processor
 * has come to. It knows no domain type beyond the shared refusals; the web edge, sign-in, the pages' helpers and
 * operations are packages of their own.
 */
package cn.zhaoshang.tracker.platform;
