package cn.zhaoshang.tracker.access;

import cn.zhaoshang.tracker.access.AccessCommands.RegisterUser;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers the users of {@code tracker.bootstrap-users} on a store that has no user yet, as events recorded by
 * {@code system}, all or none. It runs after the demo history (which is loaded only into a store without events).
 * Two instances starting on one new store may both try: the second finds the users there and leaves them.
 */
@Component("bootstrapUsers")
@Order(Ordered.LOWEST_PRECEDENCE)
class UserBootstrap implements ApplicationRunner, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);
    private static final Map<String, String> RECORDED_BY_SYSTEM = Map.of(UserAccount.RECORDED_BY, "system");

    private final BootstrapUsers configured;
    private final UserAccounts accounts;
    private final Passwords passwords;
    private final CommandGateway commands;
    private final TransactionTemplate transactions;
    private volatile boolean done;

    UserBootstrap(
            BootstrapUsers configured,
            UserAccounts accounts,
            Passwords passwords,
            CommandGateway commands,
            TransactionTemplate transactions) {
        this.configured = configured;
        this.accounts = accounts;
        this.passwords = passwords;
        this.commands = commands;
        this.transactions = transactions;
    }

    /**
     * Out of service until the users are stored: the server answers before the runners are done, and a load balancer
     * or a script waiting for {@code /actuator/health} must not send logins that no user can pass yet.
     */
    @Override
    public Health health() {
        return done
                ? Health.up().build()
                : Health.outOfService()
                        .withDetail("registering", "bootstrap users")
                        .build();
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            registerOnce();
        } finally {
            done = true;
        }
    }

    private void registerOnce() {
        if (configured.bootstrapUsers().isEmpty() || !accounts.none()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> registerAll());
            log.info(
                    "Registered {} bootstrap users", configured.bootstrapUsers().size());
        } catch (RuntimeException e) {
            if (accounts.none()) {
                throw e;
            }
            log.info("Bootstrap users were registered by another instance");
        }
    }

    private void registerAll() {
        for (BootstrapUsers.User user : configured.bootstrapUsers()) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RegisterUser(
                            user.username(),
                            user.shownName(),
                            user.roles(),
                            user.scope().scope()))
                    .andMetaData(RECORDED_BY_SYSTEM));
            passwords.store(user.username(), user.password());
        }
    }
}
