package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.project.api.ProjectSigned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** A read model kept in the command's transaction must not fall silently behind: its failure fails the command. */
@InMemoryTracker
@Import(ProjectionFailureIT.BrokenProjection.class)
// A context of its own needs a database of its own: two contexts in one JVM share a token owner name.
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:projection-failure;DB_CLOSE_DELAY=-1")
class ProjectionFailureIT {

    @TestConfiguration
    @ProcessingGroup("projectlist")
    static class BrokenProjection {

        @EventHandler
        void on(ProjectSigned event) {
            if (event.name().equals("BREAKS-THE-PROJECTION")) {
                throw new IllegalStateException("projection failure for the test");
            }
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_failing_projection_rolls_the_command_back_instead_of_being_logged_and_skipped() throws Exception {
        Api api = new Api(mvc);
        String zone = api.newZone("hengyang");
        long before = jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();

        api.post("/api/projects", Api.signing(zone).replace("日本触媒新材料项目", "BREAKS-THE-PROJECTION"))
                .andExpect(status().isInternalServerError());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM project_summary WHERE zone_id = ?")
                        .param(zone)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
