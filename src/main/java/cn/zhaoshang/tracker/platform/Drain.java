package cn.zhaoshang.tracker.platform;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of a stop, before the web server's graceful shutdown: for {@code tracker.shutdown-drain} the
 * instance still serves every request, but says it is not ready ({@code /actuator/health/readiness} 503) and closes
 * each connection after its answer ({@code Connection: close}), so a proxy holding kept-alive connections to it
 * (nginx's {@code keepalive}) lets them go after a completed answer instead of sending a request on a connection the
 * shutdown is about to close, which it could not retry for a command. A proxy's idle connections shorter-lived than
 * the drain are gone by its end (docs/operations.md, nginx's {@code keepalive_timeout}); then the server stops taking
 * connections, a proxy retries those on another instance, and the requests in progress finish.
 */
@Component
class Drain implements SmartLifecycle {

    private final Duration drain;
    private final ApplicationEventPublisher events;
    private volatile boolean running;
    private volatile boolean draining;

    Drain(@Value("${tracker.shutdown-drain:0s}") Duration drain, ApplicationEventPublisher events) {
        this.drain = drain;
        this.events = events;
    }

    boolean draining() {
        return draining;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        draining = true;
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before everything else, the web server's graceful shutdown included. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
