package cn.zhaoshang.tracker.platform;

/** The Idempotency-Key was used before with a different request (HTTP 422). */
public class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused() {
        super("Idempotency-Key 已用于另一个不同的请求 / the Idempotency-Key was already used with a different request");
    }
}
