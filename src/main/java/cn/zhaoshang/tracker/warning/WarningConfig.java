package cn.zhaoshang.tracker.warning;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WarningConfig {

    static final String SAGA_PROCESSOR = "WarningSagaProcessor";

    /**
     * The saga follows the events in a tracking processor that starts at the tail: on a store written before
     * warnings existed it works through the whole history once, then keeps its token like any tracking processor.
     */
    @Autowired
    void trackFromTheTail(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(
                SAGA_PROCESSOR,
                configuration -> configuration.eventStore(),
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(50)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }
}
