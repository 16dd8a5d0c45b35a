package cn.zhaoshang.tracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.InMemoryTracker;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** governance.md §2: users registered, re-scoped, disabled and given new passwords by an ADMIN, obeyed at once. */
@InMemoryTracker
class UsersIT {

    private static final String PASSWORD = "a-long-enough-secret";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** Songmu and its city, for the scopes below (registered once; a second time is a harmless 409). */
    @BeforeEach
    void songmu() throws Exception {
        new Api(mvc).post("/api/zones", "{\"id\":\"songmu\",\"name\":\"衡阳松木经济开发区\",\"city\":\"hengyang\"}");
    }

    private ResultActions as(String user, String password, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON));
    }

    private ResultActions admin(MockHttpServletRequestBuilder request) throws Exception {
        return as("admin", "admin-demo", request);
    }

    private String register(String roles, String level, String id) throws Exception {
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        admin(MockMvcRequestBuilders.post("/api/users")
                        .content(
                                """
                        {"username": "%s", "displayName": "测试用户", "password": "%s", "roles": [%s],
                         "scope": {"level": "%s", "id": "%s"}}"""
                                        .formatted(name, PASSWORD, roles, level, id)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/users/" + name))
                .andExpect(jsonPath("$.username").value(name))
                .andExpect(jsonPath("$.createdBy").value("admin"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.password").doesNotExist());
        return name;
    }

    @Test
    void a_registered_user_logs_in_and_sees_itself_with_its_scope() throws Exception {
        String name = register("\"LEADERSHIP\"", "CITY", "hengyang");

        as(name, PASSWORD, MockMvcRequestBuilders.get("/api/me"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(name))
                .andExpect(jsonPath("$.roles[0]").value("LEADERSHIP"))
                .andExpect(jsonPath("$.scope.level").value("CITY"))
                .andExpect(jsonPath("$.scope.id").value("hengyang"));
        admin(MockMvcRequestBuilders.get("/api/users"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem(name)))
                .andExpect(jsonPath("$[*].password").doesNotExist());
        String hash = jdbc.sql("SELECT hash FROM user_password WHERE username = ?")
                .param(name)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(PASSWORD);
    }

    @Test
    void what_the_contract_refuses_is_a_400_or_a_409_and_changes_nothing() throws Exception {
        String name = register("\"BUREAU\"", "PROVINCE", "hunan");
        for (String body : new String[] {
            "{\"username\": \"A\", \"displayName\": \"x\", \"password\": \"%s\", \"roles\": [\"BUREAU\"], \"scope\": {\"level\": \"PROVINCE\", \"id\": \"hunan\"}}",
            "{\"username\": \"shorty\", \"displayName\": \"x\", \"password\": \"short\", \"roles\": [\"BUREAU\"], \"scope\": {\"level\": \"PROVINCE\", \"id\": \"hunan\"}}",
            "{\"username\": \"same-as-password\", \"displayName\": \"x\", \"password\": \"same-as-password\", \"roles\": [\"BUREAU\"], \"scope\": {\"level\": \"PROVINCE\", \"id\": \"hunan\"}}",
            "{\"username\": \"nobody1\", \"displayName\": \"x\", \"password\": \"%s\", \"roles\": [\"KING\"], \"scope\": {\"level\": \"PROVINCE\", \"id\": \"hunan\"}}",
            "{\"username\": \"nobody2\", \"displayName\": \"x\", \"password\": \"%s\", \"roles\": [\"BUREAU\"], \"scope\": {\"level\": \"PROVINCE\", \"id\": \"atlantis\"}}",
            "{\"username\": \"nobody3\", \"displayName\": \"x\", \"password\": \"%s\", \"roles\": [\"BUREAU\"], \"scope\": {\"level\": \"COUNTY\", \"id\": \"hunan\"}}"
        }) {
            admin(MockMvcRequestBuilders.post("/api/users").content(body.replace("%s", PASSWORD)))
                    .andExpect(status().isBadRequest());
        }
        admin(MockMvcRequestBuilders.post("/api/users")
                        .content(
                                """
                        {"username": "%s", "displayName": "x", "password": "%s", "roles": ["BUREAU"],
                         "scope": {"level": "PROVINCE", "id": "hunan"}}"""
                                        .formatted(name, PASSWORD)))
                .andExpect(status().isConflict());
    }

    @Test
    void a_change_of_access_is_obeyed_from_the_next_request_on() throws Exception {
        String name = register("\"LEADERSHIP\"", "PROVINCE", "hunan");
        as(name, PASSWORD, MockMvcRequestBuilders.get("/api/zones/songmu")).andExpect(status().isOk());

        admin(MockMvcRequestBuilders.put("/api/users/" + name + "/access")
                        .content(
                                "{\"roles\": [\"LEADERSHIP\"], \"scope\": {\"level\": \"CITY\", \"id\": \"nowhere\"}}"))
                .andExpect(status().isBadRequest());
        admin(MockMvcRequestBuilders.put("/api/users/" + name + "/access")
                        .content("{\"roles\": [\"AUDITOR\"], \"scope\": {\"level\": \"PROVINCE\", \"id\": \"hunan\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles[0]").value("AUDITOR"));

        as(name, PASSWORD, MockMvcRequestBuilders.get("/api/zones/songmu")).andExpect(status().isOk());
        as(name, PASSWORD, MockMvcRequestBuilders.get("/api/audit/events?limit=1"))
                .andExpect(status().isOk());
        as(name, PASSWORD, MockMvcRequestBuilders.get("/api/reports/zones/songmu/years/2023"))
                .andExpect(status().isOk());
    }

    @Test
    void a_disabled_user_is_refused_from_its_next_request_and_let_in_again_when_enabled() throws Exception {
        String name = register("\"LEADERSHIP\"", "PROVINCE", "hunan");
        as(name, PASSWORD, MockMvcRequestBuilders.get("/api/me")).andExpect(status().isOk());

        admin(MockMvcRequestBuilders.post("/api/users/" + name + "/disable").content("{\"reason\": \"离职\"}"))
                .andExpect(status().isNoContent());
        as(name, PASSWORD, MockMvcRequestBuilders.get("/api/me")).andExpect(status().isUnauthorized());
        admin(MockMvcRequestBuilders.get("/api/users/" + name))
                .andExpect(jsonPath("$.enabled").value(false));

        admin(MockMvcRequestBuilders.post("/api/users/" + name + "/enable")).andExpect(status().isNoContent());
        as(name, PASSWORD, MockMvcRequestBuilders.get("/api/me")).andExpect(status().isOk());
    }

    @Test
    void a_new_password_ends_the_old_one_at_once_and_a_user_changes_its_own_with_the_current_one() throws Exception {
        String name = register("\"LEADERSHIP\"", "PROVINCE", "hunan");
        as(name, PASSWORD, MockMvcRequestBuilders.get("/api/me")).andExpect(status().isOk());

        admin(MockMvcRequestBuilders.post("/api/users/" + name + "/password")
                        .content("{\"password\": \"another-long-secret\"}"))
                .andExpect(status().isNoContent());
        as(name, PASSWORD, MockMvcRequestBuilders.get("/api/me")).andExpect(status().isUnauthorized());
        as(name, "another-long-secret", MockMvcRequestBuilders.get("/api/me")).andExpect(status().isOk());

        as(
                        name,
                        "another-long-secret",
                        MockMvcRequestBuilders.post("/api/users/" + name + "/password")
                                .content("{\"password\": \"a-third-long-secret\", \"currentPassword\": \"wrong-one\"}"))
                .andExpect(status().isForbidden());
        as(
                        name,
                        "another-long-secret",
                        MockMvcRequestBuilders.post("/api/users/" + name + "/password")
                                .content(
                                        "{\"password\": \"a-third-long-secret\", \"currentPassword\": \"another-long-secret\"}"))
                .andExpect(status().isNoContent());
        as(
                        name,
                        "a-third-long-secret",
                        MockMvcRequestBuilders.post("/api/users/admin/password")
                                .content(
                                        "{\"password\": \"taken-over-admin\", \"currentPassword\": \"a-third-long-secret\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void an_admin_cannot_take_admin_away_from_itself() throws Exception {
        admin(MockMvcRequestBuilders.put("/api/users/admin/access")
                        .content("{\"roles\": [\"AUDITOR\"], \"scope\": {\"level\": \"PROVINCE\", \"id\": \"hunan\"}}"))
                .andExpect(status().isConflict());
    }

    @Test
    void grants_are_in_the_audit_log_with_who_gave_them() throws Exception {
        long before = jdbc.sql("SELECT COALESCE(MAX(globalIndex), 0) FROM DomainEventEntry")
                .query(Long.class)
                .single();
        String name = register("\"BUREAU\"", "PROVINCE", "hunan");

        as("auditor", "auditor-demo", MockMvcRequestBuilders.get("/api/audit/events?limit=1000&after=" + before))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events[?(@.aggregateId == 'user:%s')].type".formatted(name))
                        .value(hasItem("UserRegistered")))
                .andExpect(jsonPath("$.events[?(@.aggregateId == 'user:%s')].recordedBy".formatted(name))
                        .value(hasItem("admin")))
                .andExpect(jsonPath("$.events[*].payload.password").value(not(hasItem(PASSWORD))));
    }
}
