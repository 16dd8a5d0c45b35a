package cn.zhaoshang.tracker.platform;

import org.axonframework.config.ProcessingGroup;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotationUtils;

/** The processing group Axon puts an event handler bean in: its {@code @ProcessingGroup}, else its package. */
public final class ProcessingGroups {

    private ProcessingGroups() {}

    public static String of(Object handler) {
        Class<?> type = AopUtils.getTargetClass(handler);
        ProcessingGroup group = AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
        return group == null ? type.getPackageName() : group.value();
    }
}
