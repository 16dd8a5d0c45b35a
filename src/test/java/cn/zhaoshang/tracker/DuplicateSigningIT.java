package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The same name signed in the same zone on the same date again is the same project: 409 pointing at it, unless the
 * signing names it as another project (docs/api-extensions.md, "Duplicate signings"). Over the API and the form.
 */
@InMemoryTracker
class DuplicateSigningIT extends InAFreshZone {

    @Test
    void signing_the_same_name_in_the_same_zone_on_the_same_date_again_is_a_409_pointing_at_the_first()
            throws Exception {
        String first = id(api.post("/api/projects", Api.signing(zone)).andExpect(status().isCreated()));
        long before = events();

        api.post("/api/projects", Api.signing(zone))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:problem:duplicate-signing"))
                .andExpect(jsonPath("$.title").value("与当前状态冲突 / Conflict"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.detail").value(containsString("\"distinctFrom\": [\"" + first + "\"]")))
                .andExpect(jsonPath("$.existingProject.id").value(first))
                .andExpect(jsonPath("$.existingProject.href").value("/api/projects/" + first))
                .andExpect(jsonPath("$.existingProjects[*].id").value(contains(first)));

        assertThat(events()).isEqualTo(before);
        api.get("/api/projects/" + first).andExpect(status().isOk());
        api.get("/api/projects?zoneId=" + zone).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void another_date_another_name_or_another_zone_is_another_project() throws Exception {
        api.post("/api/projects", Api.signing(zone)).andExpect(status().isCreated());

        api.post("/api/projects", Api.signing(zone).replace("2023-03-15", "2023-03-16"))
                .andExpect(status().isCreated());
        api.post("/api/projects", Api.signing(zone).replace("日本触媒新材料项目", "日本触媒新材料二期项目"))
                .andExpect(status().isCreated());
        api.post("/api/projects", Api.signing(api.newZone("hengyang"))).andExpect(status().isCreated());
    }

    @Test
    void a_signing_that_names_every_existing_project_as_another_one_is_recorded() throws Exception {
        String first = id(api.post("/api/projects", Api.signing(zone)).andExpect(status().isCreated()));
        String second = id(api.post("/api/projects", distinctFrom(first)).andExpect(status().isCreated()));
        assertThat(second).isNotEqualTo(first);

        api.post("/api/projects", Api.signing(zone))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.existingProjects[*].id").value(containsInAnyOrder(first, second)))
                .andExpect(jsonPath("$.existingProjects[*].href")
                        .value(containsInAnyOrder("/api/projects/" + first, "/api/projects/" + second)));
        api.post("/api/projects", distinctFrom(second))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:problem:duplicate-signing"));
        String third = id(api.post("/api/projects", distinctFrom(first, second)).andExpect(status().isCreated()));

        assertThat(third).isNotIn(first, second);
        api.get("/api/projects?zoneId=" + zone).andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void a_retried_signing_with_its_idempotency_key_gets_its_first_answer_again_not_a_409() throws Exception {
        String key = "sign-twice-" + zone;
        MockHttpServletRequestBuilder signing = Api.as(Api.BUREAU, MockMvcRequestBuilders.post("/api/projects"))
                .header("Idempotency-Key", key)
                .content(Api.signing(zone));
        String first = mvc.perform(signing)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long before = events();

        String again = mvc.perform(signing)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(again).isEqualTo(first);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void distinct_from_holds_project_ids() throws Exception {
        api.post("/api/projects", distinctFrom(""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(startsWith("distinctFrom")));
        api.post("/api/projects", Api.signing(zone).replaceFirst("}\\s*$", ", \"distinctFrom\": [7]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(startsWith("distinctFrom")));
        api.post("/api/projects", Api.signing(zone).replaceFirst("}\\s*$", ", \"distinctFrom\": \"x\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void the_signing_form_shows_the_existing_project_and_records_the_new_one_once_ticked_as_another() throws Exception {
        String first = api.newProject(zone);
        long before = events();

        MockHttpServletResponse refused = mvc.perform(form()).andReturn().getResponse();
        refused.setCharacterEncoding("UTF-8");
        String page = refused.getContentAsString();

        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(page)
                .contains("id=\"same-signing\"")
                .contains("该开发区已登记同一天签约的同名项目")
                .contains("href=\"/projects/" + first + "\"")
                .containsPattern("type=\"checkbox\" value=\"" + first + "\"[^>]*name=\"distinctFrom\"");
        assertThat(events()).isEqualTo(before);
        String english = mvc.perform(form().param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english).contains("This zone already has a project of this name signed on the same day");

        MockHttpServletResponse recorded =
                mvc.perform(form().param("distinctFrom", first)).andReturn().getResponse();

        assertThat(recorded.getStatus()).isEqualTo(302);
        assertThat(recorded.getRedirectedUrl()).startsWith("/projects/").isNotEqualTo("/projects/" + first);
        api.get("/api/projects?zoneId=" + zone).andExpect(jsonPath("$.total").value(2));
    }

    /** The contract's example signing, as the form sends it. */
    private MockHttpServletRequestBuilder form() {
        return MockMvcRequestBuilders.post("/projects")
                .with(user("clerk").roles("BUREAU"))
                .with(csrf())
                .param("zoneId", zone)
                .param("name", "日本触媒新材料项目")
                .param("investorName", "日本触媒")
                .param("investorCountry", "JP")
                .param("top500", "GLOBAL")
                .param("industry", "NEW_MATERIALS")
                .param("signedOn", "2023-03-15")
                .param("contractInvestmentYi", "15");
    }

    private String distinctFrom(String... ids) {
        String list = Arrays.stream(ids).map(id -> '"' + id + '"').collect(Collectors.joining(", "));
        return Api.signing(zone).replaceFirst("}\\s*$", ", \"distinctFrom\": [" + list + "]}");
    }

    private static String id(ResultActions created) throws Exception {
        return JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
    }

    private long events() {
        return Api.storedEvents(jdbc);
    }
}
