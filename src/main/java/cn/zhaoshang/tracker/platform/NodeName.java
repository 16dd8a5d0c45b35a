package cn.zhaoshang.tracker.platform;

import java.lang.management.ManagementFactory;

/** The name under which this instance claims segments and says it is alive. */
final class NodeName {

    private NodeName() {}

    /** {@code tracker.node-id} when given, else Axon's own default (pid@host). */
    static String of(String configured) {
        return configured == null || configured.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName()
                : configured;
    }
}
