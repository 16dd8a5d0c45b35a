package cn.zhaoshang.tracker.operations;

import cn.zhaoshang.tracker.platform.ProcessorProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The series the alerts of docs/prometheus-rules.yml read, present from an instance's first scrape: Axon registers its
 * counters on the first message it monitors, so a restarted instance had none until its first command, and an alert
 * on a counter's increase missed the first failures. Registered here under Axon's own names (Axon then finds and uses
 * them), with the report processor's lag per segment, in events: Axon's {@code report.latency} gauge keeps only the
 * segment registered first.
 */
@Component
class MetricsAtStart implements MeterBinder {

    /** Axon's counters the rules read, by component (its command bus and each tracking processor we alert on). */
    static final List<String> AXON_COUNTERS = List.of(
            "commandBus.successCounter",
            "commandBus.failureCounter",
            "report.processedCounter",
            "report.failureCounter");

    private final ProcessorProgress progress;
    private final int reportSegments;

    MetricsAtStart(
            ProcessorProgress progress,
            @Value("${axon.eventhandling.processors.report.initial-segment-count:2}") int reportSegments) {
        this.progress = progress;
        this.reportSegments = reportSegments;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String counter : AXON_COUNTERS) {
            Counter.builder(counter).register(registry);
        }
        for (int segment = 0; segment < reportSegments; segment++) {
            int segmentId = segment;
            Gauge.builder("tracker.processor.lag", () -> lag("report", segmentId))
                    .tags("processor", "report", "segment", String.valueOf(segment))
                    .baseUnit("events")
                    .description("events stored that the processor's segment has not handled yet")
                    .register(registry);
        }
    }

    /** The head minus what the segment has passed; the whole store while the segment has never been claimed. */
    private double lag(String processor, int segment) {
        long head = progress.head();
        return head - progress.segmentPassed(processor, segment).orElse(0);
    }
}
