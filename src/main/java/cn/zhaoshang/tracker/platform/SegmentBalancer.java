package cn.zhaoshang.tracker.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Shares the tracking processors' segments among the instances on one database. Axon's processor claims every
 * segment it has a thread for, so the instance that starts first would keep them all. Each instance says every few
 * seconds that it is alive ({@code processing_node}), counts the instances alive, and releases the segments it
 * holds beyond its share; an instance below its share claims them on its next round. A killed instance stops saying
 * so: the survivors' share grows, and they take its segments once its claims time out
 * ({@code axon.eventhandling.tokenstore.claim-timeout}); one that stops normally releases its claims at once.
 * Claiming needs no share: an unclaimed segment is taken by whoever has a thread free. Times come from the instances' clocks, as Axon's claims do.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SegmentBalancer {

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final Clock clock;
    private final String node;
    private final Duration aliveFor;

    SegmentBalancer(
            JdbcClient jdbc,
            EventProcessingConfiguration processing,
            Clock clock,
            @Value("${tracker.node-id:}") String nodeId,
            @Value("${tracker.processing.alive-for:10s}") Duration aliveFor) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.clock = clock;
        this.node = NodeName.of(nodeId);
        this.aliveFor = aliveFor;
    }

    @Scheduled(
            initialDelayString = "${tracker.processing.balance-every:2s}",
            fixedDelayString = "${tracker.processing.balance-every:2s}")
    void balance() {
        Instant now = clock.instant();
        sayAlive(now);
        int alive = Math.max(1, alive(now));
        processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::isRunning)
                .forEach(processor -> balance(processor, alive));
    }

    private void balance(StreamingEventProcessor processor, int alive) {
        int segments = jdbc.sql("SELECT COUNT(*) FROM TokenEntry WHERE processorName = ?")
                .param(processor.getName())
                .query(Integer.class)
                .single();
        List<Integer> held = processor.processingStatus().keySet().stream()
                .sorted(Comparator.reverseOrder())
                .toList();
        held.stream()
                .limit(SegmentShare.toRelease(segments, alive, held.size()))
                .forEach(processor::releaseSegment);
    }

    private void sayAlive(Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        if (jdbc.sql("UPDATE processing_node SET seen_at = ? WHERE node_id = ?")
                        .params(at, node)
                        .update()
                == 0) {
            jdbc.sql("INSERT INTO processing_node (node_id, seen_at) VALUES (?, ?)")
                    .params(node, at)
                    .update();
        }
        // an instance gone for long leaves no row behind
        jdbc.sql("DELETE FROM processing_node WHERE seen_at < ?")
                .param(now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC))
                .update();
    }

    private int alive(Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM processing_node WHERE seen_at > ?")
                .param(now.minus(aliveFor).atOffset(ZoneOffset.UTC))
                .query(Integer.class)
                .single();
    }
}
