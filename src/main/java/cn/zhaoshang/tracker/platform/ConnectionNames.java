package cn.zhaoshang.tracker.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Names every PostgreSQL connection after the instance that holds it ({@code investment-tracker/<node id>}, the id the
 * token claims carry), so {@code pg_stat_activity} tells an operator which instance runs a query or holds a lock.
 */
@Component
class ConnectionNames implements BeanPostProcessor {

    private final String name;

    ConnectionNames(@Value("${tracker.node-id:}") String nodeId) {
        this.name = "investment-tracker/" + NodeName.of(nodeId);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
                && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            // PostgreSQL keeps at most 63 bytes of it
            pool.addDataSourceProperty("ApplicationName", name.length() > 63 ? name.substring(0, 63) : name);
        }
        return bean;
    }

    String name() {
        return name;
    }
}
