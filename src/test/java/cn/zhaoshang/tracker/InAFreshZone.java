package cn.zhaoshang.tracker;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An HTTP test of the {@link InMemoryTracker} in which each test starts with a zone of its own, registered through
 * the API: the tests share one application and its data, so a fresh zone keeps each test's figures apart from the
 * others'.
 */
public abstract class InAFreshZone {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    /** The API as the contract's test users. */
    protected Api api;

    /** The zone this test registered. */
    protected String zone;

    /** The zone's city. */
    protected final String city;

    /** Zones of Hengyang. */
    protected InAFreshZone() {
        this("hengyang");
    }

    protected InAFreshZone(String city) {
        this.city = city;
    }

    @BeforeEach
    protected void registerAFreshZone() throws Exception {
        api = new Api(mvc);
        zone = api.newZone(city);
    }
}
