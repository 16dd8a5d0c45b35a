package cn.zhaoshang.tracker.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On an empty store, sends the demo history through the command gateway as the bureau would have entered it: the
 * aggregates check every fact, and each event carries the instant it was recorded in the demo's story (Axon's
 * event clock is set to it for the command), so that reports "as known at" a past instant work on the demo too.
 * The history is loaded in one transaction, whole or not at all; a store that holds any event is left alone.
 */
@Component
@ConditionalOnProperty(name = "tracker.demo-data", havingValue = "true", matchIfMissing = true)
@Order(0)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final Map<String, String> RECORDED_BY_BUREAU = Map.of("recordedBy", "bureau");

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    DemoDataLoader(CommandGateway commands, JdbcClient jdbc, TransactionTemplate transactions) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer loaded = transactions.execute(status -> loadIntoEmptyStore());
        if (loaded == null || loaded == 0) {
            log.debug("The event store is not empty: no demo history loaded");
        } else {
            log.info("Loaded Songmu demo history: {} commands", loaded);
        }
    }

    /** The number of commands sent, 0 when the store already held events. */
    private int loadIntoEmptyStore() {
        if (storedEvents() > 0) {
            return 0;
        }
        List<DemoData.Step> steps = DemoData.steps();
        StoryClock story = new StoryClock();
        GenericEventMessage.clock = story;
        try {
            for (DemoData.Step step : steps) {
                story.recordedAt.set(step.recordedAt());
                commands.sendAndWait(
                        GenericCommandMessage.asCommandMessage(step.command()).andMetaData(RECORDED_BY_BUREAU));
            }
        } finally {
            GenericEventMessage.clock = Clock.systemUTC();
        }
        return steps.size();
    }

    private long storedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();
    }

    /**
     * Axon's event clock is global; this one tells the demo's instants to the loading thread only, so a request
     * served while the demo loads is still stamped with the real time.
     */
    private static final class StoryClock extends Clock {

        private final ThreadLocal<Instant> recordedAt = new ThreadLocal<>();

        @Override
        public Instant instant() {
            Instant story = recordedAt.get();
            return story == null ? Instant.now() : story;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the event clock is UTC");
        }
    }
}
