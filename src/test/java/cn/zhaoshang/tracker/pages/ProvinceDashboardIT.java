package cn.zhaoshang.tracker.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.Html;
import cn.zhaoshang.tracker.InMemoryTracker;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The dashboard's province ranking, for leaders who look after a province: the province's cities and zones by rank
 * with foreign capital (万美元), contracted investment (亿元), share and rank, in Chinese and in English, for the
 * shown zone's province or the one chosen.
 */
@InMemoryTracker
class ProvinceDashboardIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String province;
    String big;
    String small;
    String middle;

    /** Two cities of a new province: 300万 and 100万美元 in the first, 200万 in the second, 15亿元 signed each. */
    @BeforeEach
    void aProvince() throws Exception {
        api = new Api(mvc);
        province = "p" + UUID.randomUUID().toString().substring(0, 8);
        big = api.newZone(province + "-a", province);
        small = api.newZone(province + "-a", province);
        middle = api.newZone(province + "-b", province);
        api = api.inProvince(province);
        arrive(api.newProject(big), "3000000");
        arrive(api.newProject(small), "1000000");
        arrive(api.newProject(middle), "2000000");
        CaughtUp.await(jdbc);
    }

    @Test
    void the_dashboard_ranks_the_shown_zone_s_province_its_cities_and_its_zones() throws Exception {
        String page = page("/dashboard?zone=" + small + "&year=2023");

        assertThat(page)
                .contains("id=\"province-heading\">" + province + " 2023年各市、各开发区排名")
                .contains("<option value=\"" + province + "\" selected=\"selected\">" + province + "</option>")
                .contains("<th class=\"num\">实际到位外资（万美元）</th>")
                .contains("<th class=\"num\">合同投资额（亿元）</th>")
                .contains("<th class=\"num\">占全省比重</th>");
        assertThat(rows(page, "province-cities"))
                .containsExactly(
                        List.of("第1", province + "-a", "400", "30", "66.7%"),
                        List.of("第2", province + "-b", "200", "15", "33.3%"));
        assertThat(rows(page, "province-zones"))
                .containsExactly(
                        List.of("第1", "测试开发区", "300", "15", "50%"),
                        List.of("第2", "测试开发区", "200", "15", "33.3%"),
                        List.of("第3", "测试开发区", "100", "15", "16.7%"));
        assertThat(page.substring(page.indexOf("id=\"province-zones\"")))
                .containsSubsequence(
                        "data-id=\"" + big + "\"", "data-id=\"" + middle + "\"", "data-id=\"" + small + "\"");
    }

    @Test
    void in_english_the_same_tables_in_millions() throws Exception {
        String page = page("/dashboard?zone=" + small + "&year=2023&lang=en");

        assertThat(page)
                .contains(province + " 2023: cities and zones ranked")
                .contains("<th>Rank in the province</th>")
                .contains("<th class=\"num\">Share of the province</th>");
        assertThat(rows(page, "province-zones").get(0)).containsExactly("No. 1", "测试开发区", "3", "1,500", "50%");
    }

    @Test
    void the_page_s_data_carries_the_tables_and_a_province_outside_the_scope_is_not_found() throws Exception {
        String data = page("/dashboard/data?zone=" + small + "&year=2023");
        assertThat(JsonPath.<List<String>>read(data, "$.province.zones[*].id")).containsExactly(big, middle, small);
        assertThat(JsonPath.<String>read(data, "$.province.cities[1].share")).isEqualTo("33.3%");

        String chosen = page("/dashboard?zone=" + small + "&year=2023&province=" + province);
        assertThat(chosen).contains("id=\"province-heading\">" + province + " 2023年");

        // another province is another scope's: as unknown to this reader as one that does not exist
        new Api(mvc).newZone("c" + UUID.randomUUID().toString().substring(0, 8), "p" + province);
        mvc.perform(as(MockMvcRequestBuilders.get("/dashboard?zone=" + small + "&year=2023&province=p" + province)))
                .andExpect(status().isNotFound());
        mvc.perform(as(MockMvcRequestBuilders.get("/dashboard?zone=" + small + "&year=2023&province=nowhere")))
                .andExpect(status().isNotFound());
    }

    private void arrive(String project, String amountUsd) throws Exception {
        api.post(
                        "/api/projects/" + project + "/capital-arrivals",
                        "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": " + amountUsd + "}")
                .andExpect(status().isCreated());
    }

    /** The cells of each row of a table's body, as text. */
    private static List<List<String>> rows(String page, String table) {
        String body = page.substring(page.indexOf("id=\"" + table + "\""));
        body = body.substring(body.indexOf("<tbody>"), body.indexOf("</tbody>"));
        return java.util.Arrays.stream(body.split("<tr"))
                .skip(1)
                .map(row -> java.util.Arrays.stream(row.split("<td"))
                        .skip(1)
                        .map(cell -> cell.substring(cell.indexOf('>') + 1, cell.indexOf("</td>")))
                        .toList())
                .toList();
    }

    private String page(String path) throws Exception {
        return Html.page(mvc, path, user("all-" + province).roles("LEADERSHIP"));
    }

    private MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
        return request.with(user("all-" + province).roles("LEADERSHIP"));
    }
}
