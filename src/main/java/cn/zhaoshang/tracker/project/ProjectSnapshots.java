package cn.zhaoshang.tracker.project;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A project that keeps receiving capital grows without end; after {@value #EVERY} events loaded, Axon stores a
 * snapshot of the aggregate, so a load reads the snapshot and at most that many events.
 * Snapshots are a cache: they sit in their own table, outside the hash chain, and can be deleted at any time.
 */
@Configuration(proxyBeanMethods = false)
class ProjectSnapshots {

    static final int EVERY = 100;

    @Bean
    SnapshotTriggerDefinition projectSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVERY);
    }
}
