package cn.zhaoshang.tracker.operations;

import java.time.Duration;
import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of a stop, before the web server's graceful shutdown. For {@code tracker.shutdown-drain} the instance
 * takes no new connection (a proxy retries a refused connection on another instance, commands too: nothing was sent),
 * says it is not ready ({@code /actuator/health/readiness} 503), and still answers every request on the connections
 * it has, closing each after its answer ({@code Connection: close}). A proxy holding kept-alive connections to it
 * (nginx's {@code keepalive}) thus lets them go after a completed answer instead of sending a request on a connection
 * the shutdown is about to close, which it could not retry for a command; idle ones shorter-lived than the drain
 * expire by its end (docs/operations.md, nginx's {@code keepalive_timeout}). Then the graceful shutdown finishes the
 * requests in progress. The listening socket is closed first, while the proxy's pool is warm and it opens few new
 * connections: a connection still waiting to be accepted when the socket closes is reset, and the proxy cannot retry
 * a command sent on it.
 */
@Component
public class Drain implements SmartLifecycle {

    private final Duration drain;
    private final ApplicationEventPublisher events;
    private final ApplicationContext context;
    private volatile boolean running;
    private volatile boolean draining;

    public Drain(
            @Value("${tracker.shutdown-drain:0s}") Duration drain,
            ApplicationEventPublisher events,
            ApplicationContext context) {
        this.drain = drain;
        this.events = events;
        this.context = context;
    }

    public boolean draining() {
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
        if (!drain.isZero()
                && context instanceof WebServerApplicationContext web
                && web.getWebServer() instanceof TomcatWebServer tomcat) {
            for (Connector connector : tomcat.getTomcat().getService().findConnectors()) {
                connector.getProtocolHandler().closeServerSocketGraceful();
            }
        }
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
