package cn.zhaoshang.tracker.platform;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon on the JDBC storage engine (auto-configured from the DataSource), with one Jackson serializer for events,
 * messages, tokens and snapshots. The serializer has its own ObjectMapper: the web mapper is strict about
 * unknown fields, stored events must stay readable by later versions of the code.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    static final String RECORDED_BY = "recordedBy";
    static final String SYSTEM_USER = "system";

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(storageMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolations();
    }

    /**
     * Axon's JDBC storage engine as its auto-configuration builds it, taking the append lock before it appends
     * ({@link AppendOrderedStorageEngine}), plus a configurable gap timeout
     * ({@code tracker.events.gap-timeout}, default Axon's 60 s): the gap-safety test shortens it to show that a
     * late commit cannot be skipped, because the append lock keeps commits in position order (ADR 0019).
     */
    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            org.axonframework.config.Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            AppendedEvents appended,
            @Value("${tracker.events.gap-timeout:60000}") int gapTimeout) {
        return new AppendOrderedStorageEngine(
                JdbcEventStorageEngine.builder()
                        .snapshotSerializer(serializer)
                        .upcasterChain(configuration.upcasterChain())
                        .persistenceExceptionResolver(persistenceExceptionResolver)
                        .eventSerializer(eventSerializer)
                        .snapshotFilter(configuration.snapshotFilter())
                        .connectionProvider(connectionProvider)
                        .transactionManager(transactionManager)
                        .gapTimeout(gapTimeout),
                transactionManager,
                appended);
    }

    /**
     * Axon's JDBC token store as its auto-configuration builds it, plus a node id ({@code tracker.node-id}, default
     * Axon's pid@host) naming the instance that owns a segment: instances sharing a database must have different
     * ones, and a readable one (the host name) tells the operator who holds what (docs/operations.md).
     */
    @Bean
    TokenStore tokenStore(
            ConnectionProvider connectionProvider,
            Serializer serializer,
            @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
            @Value("${tracker.node-id:}") String nodeId) {
        JdbcTokenStore.Builder tokens = JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(new TokenSchema())
                .serializer(serializer)
                .claimTimeout(claimTimeout);
        return tokens.nodeId(NodeName.of(nodeId)).build();
    }

    /** The read models' statements on the live tables (the replay makes its own on the shadow tables). */
    @Bean
    ReadModelWrites readModelWrites(DataSource dataSource, PlatformTransactionManager transactions) {
        return new ReadModelWrites(dataSource, transactions);
    }

    static ObjectMapper storageMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /**
     * A failing projection fails the command: read models kept in the command's transaction must never silently
     * fall behind the events (Axon's default would only log the error).
     */
    @Autowired
    void propagateHandlerErrors(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Copies the command's "recordedBy" onto every event the command produces. */
    @Bean
    CorrelationDataProvider recordedByProvider() {
        return new SimpleCorrelationDataProvider(RECORDED_BY);
    }

    /** Stamps every command with the authenticated user; commands sent outside a request are the system's. */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> recordedByInterceptor() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.getMetaData().containsKey(RECORDED_BY)
                        ? command
                        : command.andMetaData(Collections.singletonMap(RECORDED_BY, currentUser()));
            }
        };
    }

    static String currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM_USER : authentication.getName();
    }
}
