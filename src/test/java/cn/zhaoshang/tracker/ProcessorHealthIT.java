package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.zone.api.ZoneRegistered;
import com.jayway.jsonpath.JsonPath;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A tracking processor stuck on an event leaves its read model behind while commands still succeed: the health says
 * so (DEGRADED, still 200 for the load balancer) and names the processor to whoever may see the details.
 */
@InMemoryTracker
@Import(ProcessorHealthIT.StuckProjection.class)
// A context of its own needs a database of its own: two contexts in one JVM share a token owner name.
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:processor-health;DB_CLOSE_DELAY=-1",
            "axon.eventhandling.processors.stuck.mode=tracking"
        })
class ProcessorHealthIT {

    @TestConfiguration
    @ProcessingGroup("stuck")
    static class StuckProjection {

        @EventHandler
        void on(ZoneRegistered event) {
            if (event.name().equals("STICKS")) {
                throw new IllegalStateException("stuck for the test");
            }
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void a_processor_in_error_makes_the_instance_degraded_and_is_named_in_the_details() throws Exception {
        assertThat(health()).contains("\"status\":\"UP\"");

        new Api(mvc)
                .post("/api/zones", "{\"id\": \"sticks\", \"name\": \"STICKS\", \"city\": \"hengyang\"}")
                .andExpect(status().isCreated());

        String health = health();
        for (int waited = 0; !health.contains("DEGRADED") && waited < 100; waited++) {
            Thread.sleep(100);
            health = health();
        }
        assertThat(JsonPath.<String>read(health, "$.status")).isEqualTo("DEGRADED");
        assertThat(JsonPath.<Boolean>read(health, "$.components.eventProcessors.details.stuck.error"))
                .isTrue();
        assertThat(JsonPath.<Boolean>read(health, "$.components.eventProcessors.details.report.error"))
                .isFalse();
        String anonymous = mvc.perform(MockMvcRequestBuilders.get("/actuator/health"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(anonymous).contains("DEGRADED").doesNotContain("stuck");

        // a stuck processor does not make the instance unready nor dead: commands are still safe
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            mvc.perform(MockMvcRequestBuilders.get(probe))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
        }
    }

    private String health() throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get("/actuator/health").with(httpBasic("auditor", "auditor-demo")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
