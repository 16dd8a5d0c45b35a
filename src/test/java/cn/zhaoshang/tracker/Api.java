package cn.zhaoshang.tracker;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Small HTTP client for the contract tests. Calls as the role the contract gives the request, with the whole
 * province in scope (the test users of {@code config/application.yml}): zones are registered by an ADMIN, targets
 * set by a REVIEWER, everything else done by a bureau.
 */
public record Api(MockMvc mvc, String user) {

    public Api(MockMvc mvc) {
        this(mvc, null);
    }

    /** A bureau of the whole province: the tests' zones are its zones. */
    public static final String BUREAU = "clerk";

    public static final String ADMIN = "admin";

    /** A reviewer (and leader) of the whole province. */
    public static final String REVIEWER = "inspector";

    public ResultActions post(String path, String json) throws Exception {
        return mvc.perform(
                as(writer("POST", path), MockMvcRequestBuilders.post(path).content(json)));
    }

    public ResultActions put(String path, String json) throws Exception {
        return mvc.perform(
                as(writer("PUT", path), MockMvcRequestBuilders.put(path).content(json)));
    }

    private String writer(String method, String path) {
        String byContract = userFor(method, path);
        return user == null || byContract.equals(ADMIN) ? byContract : user;
    }

    /** Who the contract lets send the request. */
    public static String userFor(String method, String path) {
        if (method.equals("POST") && path.equals("/api/zones")) {
            return ADMIN;
        }
        if (method.equals("PUT") && path.matches("/api/zones/[^/]+/targets/.*")) {
            return REVIEWER;
        }
        return BUREAU;
    }

    public ResultActions get(String path) throws Exception {
        return mvc.perform(as(user == null ? BUREAU : user, MockMvcRequestBuilders.get(path)));
    }

    /**
     * The same client as a user of every role but ADMIN in {@code province} (registered on first use): for tests of
     * zones outside the default province, which the test users do not reach. The province must have a zone.
     */
    public Api inProvince(String province) throws Exception {
        String name = "all-" + province;
        mvc.perform(as(
                ADMIN,
                MockMvcRequestBuilders.post("/api/users")
                        .content(("{\"username\": \"%s\", \"displayName\": \"全省测试\", \"password\": \"%s-demo\","
                                        + " \"roles\": [\"BUREAU\", \"REVIEWER\", \"LEADERSHIP\", \"AUDITOR\"],"
                                        + " \"scope\": {\"level\": \"PROVINCE\", \"id\": \"%s\"}}")
                                .formatted(name, name, province))));
        return new Api(mvc, name);
    }

    public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request);
    }

    public static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        return request.with(httpBasic(user, user.equals("leader") ? "leader-demo" : user + "-demo"))
                .contentType(MediaType.APPLICATION_JSON);
    }

    /** How many events the store holds: what a refused request must leave unchanged. */
    public static long storedEvents(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry")
                .query(Long.class)
                .single();
    }

    /** Registers a fresh zone of the default province and returns its id. */
    public String newZone(String city) throws Exception {
        String zone = "z" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/zones", "{\"id\":\"%s\",\"name\":\"测试开发区\",\"city\":\"%s\"}".formatted(zone, city));
        return zone;
    }

    /** Registers a fresh zone of a city in the province and returns its id. */
    public String newZone(String city, String province) throws Exception {
        String zone = "z" + UUID.randomUUID().toString().substring(0, 8);
        post(
                "/api/zones",
                "{\"id\":\"%s\",\"name\":\"测试开发区\",\"city\":\"%s\",\"province\":\"%s\"}"
                        .formatted(zone, city, province));
        return zone;
    }

    /** Records capital arriving for a project: {@code FOREIGN} in US dollars, {@code DOMESTIC} in yuan. */
    public ResultActions arrival(String project, String arrivedOn, String kind, String amount) throws Exception {
        return post(
                "/api/projects/" + project + "/capital-arrivals",
                "{\"arrivedOn\": \"%s\", \"kind\": \"%s\", \"amount\": %s}".formatted(arrivedOn, kind, amount));
    }

    /** Records capital arriving for a project, expects it recorded and returns the arrival's id. */
    public String arrived(String project, String arrivedOn, String kind, String amount) throws Exception {
        return JsonPath.read(
                arrival(project, arrivedOn, kind, amount)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.arrivalId");
    }

    /**
     * Submits a month of a zone as the bureau and has the reviewer accept it; returns the submission's id. An accepted
     * month cannot be reviewed again.
     */
    public String acceptedSubmission(String zone, String submission, String acceptance) throws Exception {
        String id = JsonPath.read(
                post("/api/zones/" + zone + "/submissions", submission)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(as(
                        REVIEWER,
                        MockMvcRequestBuilders.post("/api/submissions/" + id + "/acceptance")
                                .content(acceptance)))
                .andExpect(status().isOk());
        return id;
    }

    /**
     * Signs a project on 2023-03-15 for 1500000000 yuan and returns its id. Tests sign several such projects in one
     * zone: when the zone has one, this one is signed as another project ({@code distinctFrom}).
     */
    public String newProject(String zone) throws Exception {
        MockHttpServletResponse answer =
                post("/api/projects", signing(zone)).andReturn().getResponse();
        if (answer.getStatus() == 409) {
            List<String> existing = JsonPath.read(answer.getContentAsString(), "$.existingProjects[*].id");
            String others = existing.stream().map(id -> '"' + id + '"').collect(Collectors.joining(","));
            String distinct = signing(zone).replaceFirst("}\\s*$", ", \"distinctFrom\": [" + others + "]}");
            answer = post("/api/projects", distinct).andReturn().getResponse();
        }
        return JsonPath.read(answer.getContentAsString(), "$.id");
    }

    public static String signing(String zone) {
        return """
                {"zoneId": "%s", "name": "日本触媒新材料项目",
                 "investor": {"name": "日本触媒", "country": "JP", "top500": "GLOBAL"},
                 "industry": "NEW_MATERIALS", "signedOn": "2023-03-15",
                 "contractInvestmentCny": 1500000000, "expectedAnnualTaxCny": 60000000, "landAreaMu": 200}"""
                .formatted(zone);
    }
}
