package cn.zhaoshang.tracker.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A processor's mode is one line of settings; a rule that reads a {@link CommandLookupTable} kept by a tracking
 * processor would read it behind the events and decide wrongly without any error. So the start fails instead.
 */
@Component
class CommandLookupTables {

    @EventListener
    void check(ContextRefreshedEvent refreshed) {
        ApplicationContext context = refreshed.getApplicationContext();
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        List<String> behind = new ArrayList<>();
        for (Object table :
                context.getBeansWithAnnotation(CommandLookupTable.class).values()) {
            Class<?> type = AopUtils.getTargetClass(table);
            String name = ProcessingGroups.of(table);
            Optional<EventProcessor> processor = processing.eventProcessorByProcessingGroup(name);
            if (processor.isEmpty() || !(processor.get() instanceof SubscribingEventProcessor)) {
                behind.add("%s (processing group %s) must be kept by a subscribing processor, in the command's"
                                .formatted(type.getSimpleName(), name)
                        + " transaction: set axon.eventhandling.processors.%s.mode=subscribing".formatted(name));
            }
        }
        if (!behind.isEmpty()) {
            throw new IllegalStateException("拒绝启动：命令所依赖的查找表不在命令事务中 / refusing to start: " + String.join("; ", behind));
        }
    }
}
