package cn.zhaoshang.tracker.platform;

import java.lang.management.ManagementFactory;

/** The name under which this instance claims segments in the token store ({@code TokenEntry.owner}). */
public final class NodeName {

    private NodeName() {}

    /** {@code tracker.node-id} when given, else Axon's own default (pid@host). */
    public static String of(String configured) {
        return configured == null || configured.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName()
                : configured;
    }
}
