package cn.zhaoshang.tracker.submission;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SubmissionWarningConfig {

    /**
     * From the tail, like the project warnings' saga: on a store written before these warnings existed the saga
     * works through the zones' history once, then keeps its token.
     */
    @Autowired
    void trackFromTheTail(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(
                "SubmissionWarningSagaProcessor",
                configuration -> configuration.eventStore(),
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(50)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }
}
