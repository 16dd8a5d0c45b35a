package cn.zhaoshang.tracker.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The event processors in {@code /actuator/health}. A tracking processor that stopped, or whose segments keep
 * failing, leaves reports and the hash chain behind while commands still succeed: the instance is
 * {@value #DEGRADED}, answered with 200 so that a load balancer keeps sending it commands (they are safe), and the
 * details name the processor and its error for whoever watches the health.
 */
@Component("eventProcessors")
class ProcessorHealth implements HealthIndicator {

    static final String DEGRADED = "DEGRADED";

    private final EventProcessingConfiguration processing;

    ProcessorHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new TreeMap<>();
        boolean healthy = true;
        for (Map.Entry<String, EventProcessor> named :
                processing.eventProcessors().entrySet()) {
            EventProcessor processor = named.getValue();
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("running", processor.isRunning());
            boolean failing = processor.isError() || !processor.isRunning();
            if (processor instanceof StreamingEventProcessor streaming) {
                for (EventTrackerStatus segment : streaming.processingStatus().values()) {
                    if (segment.isErrorState()) {
                        failing = true;
                        Throwable error = segment.getError();
                        state.put(
                                "segment " + segment.getSegment().getSegmentId(),
                                error == null ? "error" : error.getClass().getSimpleName() + ": " + error.getMessage());
                    }
                }
            }
            state.put("error", failing);
            healthy &= !failing;
            details.put(named.getKey(), state);
        }
        return Health.status(healthy ? Status.UP : new Status(DEGRADED))
                .withDetails(details)
                .build();
    }
}
