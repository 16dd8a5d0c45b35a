package cn.zhaoshang.tracker.project;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhaoshang.tracker.project.api.Industry;
import cn.zhaoshang.tracker.project.api.ProjectId;
import cn.zhaoshang.tracker.project.api.Top500;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The signing's body as the Idempotency-Key fingerprints it, and the command it becomes. */
class ProjectRequestsTest {

    /** As the web mapper writes it (application.yml: every property, nulls too). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setSerializationInclusion(JsonInclude.Include.ALWAYS);

    @Test
    void a_signing_without_distinct_from_is_written_as_before_the_field_existed() throws Exception {
        assertThat(JSON.writeValueAsString(signing(null)))
                .doesNotContain("distinctFrom")
                .contains("\"landAreaMu\":200");
        assertThat(JSON.writeValueAsString(signing(List.of("p-1")))).contains("\"distinctFrom\":[\"p-1\"]");
    }

    @Test
    void distinct_from_becomes_the_command_s_set_of_project_ids() {
        assertThat(signing(null).command(ProjectId.of("new")).distinctFrom()).isEmpty();
        assertThat(signing(List.of("p-1", "p-2", "p-1"))
                        .command(ProjectId.of("new"))
                        .distinctFrom())
                .isEqualTo(Set.of(ProjectId.of("p-1"), ProjectId.of("p-2")));
    }

    private static ProjectRequests.Sign signing(List<String> distinctFrom) {
        return new ProjectRequests.Sign(
                "songmu",
                "日本触媒新材料项目",
                new ProjectRequests.InvestorRequest("日本触媒", "JP", Top500.GLOBAL),
                Industry.NEW_MATERIALS,
                LocalDate.of(2023, 3, 15),
                new BigDecimal("1500000000"),
                new BigDecimal("60000000"),
                new BigDecimal("200"),
                distinctFrom);
    }
}
