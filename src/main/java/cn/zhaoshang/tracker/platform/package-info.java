/**
 * Wiring only: Axon (JDBC store, Jackson serializer, who-recorded-it metadata), security, problem+json errors,
 * idempotency keys and ETags. It knows no domain type beyond the shared refusals.
 */
package cn.zhaoshang.tracker.platform;
