/**
 * The HTTP edge every controller shares: problem+json answers and the mapping of refusals to statuses, bounded
 * bodies, media types, strict JSON and plain text, the request log, and the OpenAPI description.
 */
package cn.zhaoshang.tracker.web;
