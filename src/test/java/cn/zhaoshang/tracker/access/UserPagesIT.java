package cn.zhaoshang.tracker.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.Html;
import cn.zhaoshang.tracker.InMemoryTracker;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** 用户与权限 as the ADMIN uses it: register a user, change its roles and scope, disable it; in both languages. */
@InMemoryTracker
class UserPagesIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void songmu() throws Exception {
        new Api(mvc).post("/api/zones", "{\"id\":\"songmu\",\"name\":\"衡阳松木经济开发区\",\"city\":\"hengyang\"}");
    }

    @Test
    void the_admin_registers_a_user_re_scopes_it_and_disables_it_through_the_forms() throws Exception {
        String name = "p" + UUID.randomUUID().toString().substring(0, 8);
        MockHttpServletResponse registered = send(MockMvcRequestBuilders.post("/admin/users")
                .param("username", name)
                .param("displayName", "衡阳市商务局科员")
                .param("password", "a-long-enough-secret")
                .param("roles", "REVIEWER")
                .param("level", "CITY")
                .param("scopeId", "hengyang"));
        assertThat(registered.getStatus()).isEqualTo(302);
        assertThat(registered.getRedirectedUrl()).isEqualTo("/admin/users/" + name);

        assertThat(page("/admin/users")).contains("id=\"user-" + name + "\"", "上级商务部门（审核）", "城市 hengyang", "admin");
        assertThat(page("/admin/users/" + name)).contains("id=\"access-form\"", "id=\"disable-form\"");

        assertThat(send(MockMvcRequestBuilders.post("/admin/users/" + name + "/access")
                                .param("roles", "AUDITOR", "LEADERSHIP")
                                .param("level", "PROVINCE")
                                .param("scopeId", "hunan")
                                .param("reason", "调任省审计"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(page("/admin/users/" + name))
                .contains("id=\"user-scope\">省 hunan<")
                .contains("审计")
                .contains("领导");

        assertThat(send(MockMvcRequestBuilders.post("/admin/users/" + name + "/disable"))
                        .getStatus())
                .isEqualTo(302);
        assertThat(page("/admin/users/" + name)).contains("id=\"user-state\">已停用<", "id=\"enable-form\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                        .param("user:" + name)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void a_form_with_mistakes_says_so_next_to_each_field_and_records_nothing() throws Exception {
        long before = Api.storedEvents(jdbc);
        MockHttpServletResponse refused = send(MockMvcRequestBuilders.post("/admin/users")
                .param("username", "Not Valid")
                .param("displayName", "x")
                .param("password", "short")
                .param("level", "ZONE")
                .param("scopeId", "no-such-zone"));

        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString())
                .contains("id=\"error-username\">用户名须为3-32个小写字母")
                .contains("id=\"error-roles\">必填")
                .contains("id=\"error-scopeId\">没有这个开发区、城市或省份")
                .contains("密码至少12个字符");
        assertThat(Api.storedEvents(jdbc)).isEqualTo(before);
    }

    @Test
    void the_page_speaks_english_when_asked() throws Exception {
        assertThat(page("/admin/users?lang=en"))
                .contains("Users and access", "Register a user", "Investment bureau")
                .doesNotContain("用户与权限");
    }

    private String page(String path) throws Exception {
        return Html.page(mvc, path, user("admin").roles("ADMIN"));
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        request.with(user("admin").roles("ADMIN")).with(csrf()))
                .andReturn()
                .getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }
}
