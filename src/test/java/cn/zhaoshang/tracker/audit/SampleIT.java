package cn.zhaoshang.tracker.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.Html;
import cn.zhaoshang.tracker.InMemoryTracker;
import cn.zhaoshang.tracker.project.EvidenceUploads;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The auditor's sample: the same seed, position and filter draw the same events or projects, with their evidence. */
@InMemoryTracker
class SampleIT {

    @Autowired
    MockMvc mvc;

    private Api clerk;
    private String zone;
    private final List<String> projects = new ArrayList<>();

    @BeforeEach
    void zoneWithProjects() throws Exception {
        clerk = new Api(mvc, "clerk");
        zone = clerk.newZone("hengyang");
        for (int i = 0; i < 6; i++) {
            String project = clerk.newProject(zone);
            projects.add(project);
            clerk.post("/api/projects/" + project + "/landing", "{\"landedOn\": \"2023-06-0%d\"}".formatted(i + 1));
        }
        EvidenceUploads.pdf(mvc, "clerk", projects.get(0), "签约合同.pdf", "0");
    }

    @Test
    void the_same_seed_and_position_draw_the_same_events_after_more_are_recorded() throws Exception {
        String first = sample("of=events&size=4&seed=20231231&zone=" + zone);
        long position = ((Number) JsonPath.read(first, "$.atPosition")).longValue();
        assertThat(JsonPath.<Integer>read(first, "$.population")).isEqualTo(14); // zone, 6 signings, 6 landings, 1 file
        assertThat(JsonPath.<List<Integer>>read(first, "$.items[*].position"))
                .hasSize(4)
                .isSorted();

        clerk.post("/api/projects/" + projects.get(1) + "/production", "{\"startedOn\": \"2023-09-01\"}");
        String again = sample(JsonPath.<String>read(first, "$.again").replace("/api/audit/sample?", ""));

        assertThat(again).isEqualTo(first);
        assertThat(JsonPath.<String>read(first, "$.again"))
                .contains("seed=20231231", "atPosition=" + position, "zone=" + zone);
        assertThat(JsonPath.<List<Integer>>read(sample("of=events&size=4&seed=7&zone=" + zone), "$.items[*].position"))
                .isNotEqualTo(JsonPath.read(first, "$.items[*].position"));
    }

    @Test
    void projects_are_drawn_by_their_signing_and_carry_their_evidence() throws Exception {
        String all = sample("of=projects&size=100&seed=1&zone=" + zone);

        assertThat(JsonPath.<Integer>read(all, "$.population")).isEqualTo(6);
        assertThat(JsonPath.<List<String>>read(all, "$.items[*].aggregateId"))
                .containsExactlyInAnyOrderElementsOf(projects);
        assertThat(JsonPath.<List<String>>read(all, "$.items[*].type")).containsOnly("ProjectSigned");
        assertThat(JsonPath.<List<String>>read(
                        all, "$.items[?(@.aggregateId == '" + projects.get(0) + "')].evidence[*].fileName"))
                .containsExactly("签约合同.pdf");
        assertThat(JsonPath.<List<String>>read(
                        all, "$.items[?(@.aggregateId == '" + projects.get(1) + "')].evidence[*]"))
                .isEmpty();

        String seeded = sample("of=projects&size=2&seed=99&zone=" + zone);
        assertThat(((Number) JsonPath.read(seeded, "$.seed")).longValue()).isEqualTo(99L);
        String drawnSeed = sample("of=projects&size=2&zone=" + zone);
        assertThat(((Number) JsonPath.read(drawnSeed, "$.seed")).longValue()).isPositive();
    }

    @Test
    void bad_parameters_are_400_in_the_readers_words_and_only_auditors_sample() throws Exception {
        for (String bad : List.of(
                "of=people", "size=0", "size=101", "seed=-1", "seed=x", "atPosition=0", "zone=Z!", "type=Nothing")) {
            mvc.perform(Api.as("auditor", get("/api/audit/sample?" + bad)))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        }
        mvc.perform(Api.as("auditor", get("/api/audit/sample?size=0")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("1 至 100")));
        mvc.perform(Api.as(Api.BUREAU, get("/api/audit/sample"))).andExpect(status().isForbidden());
    }

    @Test
    void the_page_offers_a_seed_draws_the_sample_and_links_the_same_draw_again() throws Exception {
        String offered = page("/audit/sample");
        assertThat(offered).contains("id=\"sample-seed\"").doesNotContain("id=\"sample-summary\"");

        String drawn = page("/audit/sample?of=projects&size=3&seed=5&zone=" + zone);
        assertThat(drawn).contains("种子 5，截至位置", "共 6 个符合条件，抽取 3 个", "id=\"sample-again\"");
        assertThat(drawn.substring(
                        drawn.indexOf("id=\"sample\""), drawn.indexOf("</thead>", drawn.indexOf("id=\"sample\""))))
                .as("the event log's columns, then the evidence")
                .contains("<th class=\"num\">位置</th>", "<th>项目或开发区</th>", "<th>内容</th>", "<th>凭证</th>");

        mvc.perform(get("/audit/sample?seed=-3").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isBadRequest());
    }

    private String sample(String query) throws Exception {
        return mvc.perform(Api.as("auditor", get("/api/audit/sample?" + query)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String page(String path) throws Exception {
        return Html.page(mvc, path, user("auditor").roles("AUDITOR"));
    }
}
