package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** The command and project sections of the HTTP contract, status by status. */
@InMemoryTracker
class ContractIT extends InAFreshZone {

    long events() {
        return Api.storedEvents(jdbc);
    }

    @Test
    void a_zone_is_registered_listed_and_registered_only_once() throws Exception {
        api.post("/api/zones", "{\"id\":\"songmu-x\",\"name\":\"衡阳松木经济开发区\",\"city\":\"hengyang\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/zones/songmu-x"))
                .andExpect(jsonPath("$.id").value("songmu-x"));
        api.get("/api/zones").andExpect(status().isOk()).andExpect(jsonPath("$[*].id", hasItem("songmu-x")));
        api.post("/api/zones", "{\"id\":\"songmu-x\",\"name\":\"又一个\",\"city\":\"hengyang\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void a_zone_carries_its_province_and_one_registered_without_is_of_the_default_province() throws Exception {
        String city = "c" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String hunan = api.newZone(city);
        String guangdong = api.newZone(city + "-gd", "guangdong");

        api.get("/api/zones/" + hunan).andExpect(jsonPath("$.province").value("hunan"));
        Api inGuangdong = api.inProvince("guangdong");
        inGuangdong
                .get("/api/zones/" + guangdong)
                .andExpect(jsonPath("$.city").value(city + "-gd"))
                .andExpect(jsonPath("$.province").value("guangdong"));
        inGuangdong
                .get("/api/zones")
                .andExpect(jsonPath("$[?(@.id == '" + guangdong + "')].province", hasItem("guangdong")));
        api.get("/api/zones").andExpect(jsonPath("$[?(@.id == '" + hunan + "')].province", hasItem("hunan")));
        // each sees its own province's zones only
        api.get("/api/zones/" + guangdong).andExpect(status().isNotFound());
    }

    @Test
    void a_city_belongs_to_one_province_so_a_zone_of_it_under_another_is_409() throws Exception {
        String city = "c" + java.util.UUID.randomUUID().toString().substring(0, 8);
        api.newZone(city, "guangdong");
        long before = events();

        api.post(
                        "/api/zones",
                        "{\"id\":\"%s-2\",\"name\":\"第二个\",\"city\":\"%s\",\"province\":\"hunan\"}"
                                .formatted(city, city))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail")
                        .value("城市 %s 属于省份 guangdong，不能登记在省份 hunan 下 / city %s belongs to province guangdong, not hunan"
                                .formatted(city, city)));
        // without a province the zone is one of the default province, hunan: the same refusal
        api.post("/api/zones", "{\"id\":\"%s-3\",\"name\":\"第三个\",\"city\":\"%s\"}".formatted(city, city))
                .andExpect(status().isConflict());
        assertThat(events()).isEqualTo(before);

        api.post(
                        "/api/zones",
                        "{\"id\":\"%s-4\",\"name\":\"第四个\",\"city\":\"%s\",\"province\":\"guangdong\"}"
                                .formatted(city, city))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.province").value("guangdong"));
    }

    @Test
    void zone_ids_and_cities_must_be_slugs() throws Exception {
        long before = events();
        api.post("/api/zones", "{\"id\":\"Song Mu\",\"name\":\"x\",\"city\":\"hengyang\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        api.post("/api/zones", "{\"id\":\"ok\",\"name\":\"x\",\"city\":\"衡阳\"}").andExpect(status().isBadRequest());
        api.post("/api/zones", "{\"id\":\"ok\",\"name\":\"x\",\"city\":\"hengyang\",\"province\":\"湖南\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("province"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void targets_are_set_revised_and_refused_for_unknown_zones() throws Exception {
        api.put(
                        "/api/zones/" + zone + "/targets/2023",
                        "{\"contractInvestmentCny\": 10000000000, \"foreignCapitalUsd\": 7000000, \"projectCount\": 20}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.foreignCapitalUsd").value(7000000));
        api.put("/api/zones/" + zone + "/targets/2023", "{\"foreignCapitalUsd\": 7500000}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contractInvestmentCny", nullValue()))
                .andExpect(jsonPath("$.foreignCapitalUsd").value(7500000));
        api.get("/api/zones/" + zone + "/targets/2023")
                .andExpect(jsonPath("$.foreignCapitalUsd").value(7500000));
        api.put("/api/zones/nowhere/targets/2023", "{\"projectCount\": 20}").andExpect(status().isNotFound());
        api.put("/api/zones/" + zone + "/targets/1800", "{\"projectCount\": 20}")
                .andExpect(status().isBadRequest());
        api.put("/api/zones/" + zone + "/targets/2023", "{\"projectCount\": 0}").andExpect(status().isBadRequest());
    }

    @Test
    void a_project_is_followed_from_signing_to_production_and_its_history_says_who_and_why() throws Exception {
        String body = api.post("/api/projects", Api.signing(zone))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        api.get("/api/projects/" + id)
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.stage").value("SIGNED"))
                .andExpect(jsonPath("$.contractInvestmentCny").value(1500000000))
                .andExpect(jsonPath("$.investor.top500").value("GLOBAL"));

        api.perform(Api.as(Api.BUREAU, MockMvcRequestBuilders.post("/api/projects/" + id + "/landing"))
                        .header("If-Match", "\"0\"")
                        .content("{\"landedOn\": \"2023-06-01\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.stage").value("LANDED"))
                .andExpect(jsonPath("$.version").value(1));
        String arrival = api.post(
                        "/api/projects/" + id + "/capital-arrivals",
                        "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 3000000.50}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        api.post(
                        "/api/projects/" + id + "/capital-arrivals",
                        "{\"arrivedOn\": \"2023-08-01\", \"kind\": \"DOMESTIC\", \"amount\": 20000000}")
                .andExpect(status().isCreated());
        api.post(
                        "/api/projects/" + id + "/capital-arrivals/" + JsonPath.read(arrival, "$.arrivalId")
                                + "/retraction",
                        "{\"reason\": \"重复录入 / entered twice\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.foreignCapitalArrivedUsd").value(0))
                .andExpect(jsonPath("$.domesticCapitalArrivedCny").value(20000000));
        api.post(
                        "/api/projects/" + id + "/amendments",
                        "{\"amendedOn\": \"2023-09-01\", \"contractInvestmentCny\": 1800000000, \"reason\": \"增资\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contractInvestmentCny").value(1800000000));
        api.post("/api/projects/" + id + "/signing-correction", "{\"top500\": null, \"reason\": \"并非500强\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.investor.top500", nullValue()));
        api.post("/api/projects/" + id + "/production", "{\"startedOn\": \"2024-01-10\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("IN_PRODUCTION"))
                .andExpect(jsonPath("$.productionStartedOn").value("2024-01-10"));

        api.perform(Api.as(Api.REVIEWER, MockMvcRequestBuilders.get("/api/projects/" + id + "/history")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.projectId").value(id))
                .andExpect(jsonPath("$.events", hasSize(8)))
                .andExpect(jsonPath("$.events[0].type").value("ProjectSigned"))
                .andExpect(jsonPath("$.events[0].sequence").value(0))
                .andExpect(jsonPath("$.events[0].position").isNumber())
                .andExpect(jsonPath("$.events[0].hash").value(org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}")))
                .andExpect(jsonPath("$.events[0].recordedBy").value(Api.BUREAU))
                .andExpect(jsonPath("$.events[0].recordedAt").isString())
                .andExpect(jsonPath("$.events[0].payload.contractInvestmentCny").value(1500000000))
                .andExpect(jsonPath("$.events[1].line.zh", containsString("2023-06-01 落地（开工） — ")))
                .andExpect(jsonPath("$.events[1].line.zh", containsString("由 " + Api.BUREAU + " 登记")))
                .andExpect(jsonPath("$.events[1].line.en", containsString("landed (construction started)")))
                .andExpect(jsonPath("$.events[4].type").value("ArrivalRetracted"))
                .andExpect(jsonPath("$.events[4].reason").value("重复录入 / entered twice"))
                .andExpect(jsonPath("$.events[5].reason").value("增资"))
                .andExpect(jsonPath("$.events[6].type").value("SigningCorrected"))
                .andExpect(jsonPath("$.events[6].reason").value("并非500强"))
                .andExpect(jsonPath("$.events[7].recordedBy").value(Api.BUREAU));
        api.get("/api/projects?zoneId=" + zone + "&signedYear=2023")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id));
        api.get("/api/projects?zoneId=" + zone + "&stage=SIGNED")
                .andExpect(jsonPath("$.total").value(0));
    }

    /**
     * The aggregate holds none of its arrivals (they are in ProjectArrivals, ADR 0016), and past its first snapshot it
     * is loaded from that: a retraction still copies an arrival recorded before the snapshot, a corrected signing date
     * is still bounded by it, and the history still starts at the signing (it reads the events, not the snapshot).
     */
    @Test
    void a_project_past_its_snapshot_still_knows_every_arrival_and_its_whole_history() throws Exception {
        String id = api.newProject(zone);
        String first = api.post(
                        "/api/projects/" + id + "/capital-arrivals",
                        "{\"arrivedOn\": \"2023-04-01\", \"kind\": \"FOREIGN\", \"amount\": 3000000.50}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (int i = 0; i < 110; i++) {
            api.post(
                            "/api/projects/" + id + "/capital-arrivals",
                            "{\"arrivedOn\": \"2023-05-01\", \"kind\": \"DOMESTIC\", \"amount\": 100}")
                    .andExpect(status().isCreated());
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isPositive();

        api.post("/api/projects/" + id + "/signing-correction", "{\"signedOn\": \"2023-04-02\", \"reason\": \"x\"}")
                .andExpect(status().isConflict());
        String retraction =
                "/api/projects/" + id + "/capital-arrivals/" + JsonPath.read(first, "$.arrivalId") + "/retraction";
        api.post(retraction, "{\"reason\": \"录入错误\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.foreignCapitalArrivedUsd").value(0));
        api.post(retraction, "{\"reason\": \"再次\"}").andExpect(status().isConflict());
        api.post("/api/projects/" + id + "/signing-correction", "{\"signedOn\": \"2023-04-02\", \"reason\": \"x\"}")
                .andExpect(status().isOk());

        api.get("/api/projects/" + id + "/history")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events", hasSize(114)))
                .andExpect(jsonPath("$.events[0].type").value("ProjectSigned"))
                .andExpect(jsonPath("$.events[112].type").value("ArrivalRetracted"))
                .andExpect(jsonPath("$.events[112].payload.arrivedOn").value("2023-04-01"))
                .andExpect(jsonPath("$.events[112].payload.kind").value("FOREIGN"))
                .andExpect(jsonPath("$.events[112].payload.amount").value(3000000.50));
    }

    @Test
    void a_command_that_breaks_a_rule_is_409_with_the_rule_in_both_languages_and_records_nothing() throws Exception {
        String id = api.newProject(zone);
        api.post("/api/projects/" + id + "/production", "{\"startedOn\": \"2023-06-01\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString("LANDED")))
                .andExpect(jsonPath("$.detail", containsString("投产")));
        api.post("/api/projects/" + id + "/landing", "{\"landedOn\": \"2023-03-14\"}")
                .andExpect(status().isConflict());
        api.post("/api/projects/" + id + "/termination", "{\"terminatedOn\": \"2023-05-01\", \"reason\": \"撤资\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("TERMINATED"));
        long before = events();
        api.post("/api/projects/" + id + "/landing", "{\"landedOn\": \"2023-06-01\"}")
                .andExpect(status().isConflict());
        api.post(
                        "/api/projects/" + id + "/capital-arrivals",
                        "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 1}")
                .andExpect(status().isConflict());
        api.post(
                        "/api/projects/" + id + "/amendments",
                        "{\"amendedOn\": \"2023-09-01\", \"contractInvestmentCny\": 1, \"reason\": \"x\"}")
                .andExpect(status().isConflict());
        api.post("/api/projects/" + id + "/termination", "{\"terminatedOn\": \"2023-05-02\", \"reason\": \"再次\"}")
                .andExpect(status().isConflict());
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void unknown_zones_projects_and_arrivals_are_404() throws Exception {
        api.post("/api/projects", Api.signing("no-such-zone"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        api.get("/api/projects/no-such-project").andExpect(status().isNotFound());
        api.get("/api/projects/no-such-project/history").andExpect(status().isNotFound());
        api.get("/api/projects/" + zone + "/history").andExpect(status().isNotFound());
        api.post("/api/projects/" + zone + "/landing", "{\"landedOn\": \"2023-06-01\"}")
                .andExpect(status().isNotFound());
        // longer than any aggregate id: no aggregate_lock row is attempted (ADR 0019), the command answers 404
        api.post("/api/projects/" + "x".repeat(300) + "/landing", "{\"landedOn\": \"2023-06-01\"}")
                .andExpect(status().isNotFound());
        api.put("/api/zones/" + "中".repeat(300) + "/targets/2023", "{\"projectCount\": 20}")
                .andExpect(status().isNotFound());
        String id = api.newProject(zone);
        api.post("/api/projects/" + id + "/capital-arrivals/nope/retraction", "{\"reason\": \"x\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void a_stale_if_match_is_412_and_changes_nothing() throws Exception {
        String id = api.newProject(zone);
        long before = events();
        for (String stale : new String[] {"\"1\"", "\"7\"", "W/\"3\"", "\"abc\""}) {
            api.perform(Api.as(Api.BUREAU, MockMvcRequestBuilders.post("/api/projects/" + id + "/landing"))
                            .header("If-Match", stale)
                            .content("{\"landedOn\": \"2023-06-01\"}"))
                    .andExpect(status().isPreconditionFailed())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void an_idempotency_key_replays_the_first_answer_and_refuses_a_different_body() throws Exception {
        String id = api.newProject(zone);
        String arrival = "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 3000000}";
        String key = "key-" + id;
        String first = api.perform(
                        Api.as(Api.BUREAU, MockMvcRequestBuilders.post("/api/projects/" + id + "/capital-arrivals"))
                                .header("Idempotency-Key", key)
                                .content(arrival))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long after = events();
        api.perform(Api.as(Api.BUREAU, MockMvcRequestBuilders.post("/api/projects/" + id + "/capital-arrivals"))
                        .header("Idempotency-Key", key)
                        .content(arrival))
                .andExpect(status().isCreated())
                .andExpect(content().json(first, JsonCompareMode.STRICT));
        assertThat(events()).isEqualTo(after);
        api.get("/api/projects/" + id)
                .andExpect(jsonPath("$.foreignCapitalArrivedUsd").value(3000000));

        api.perform(Api.as(Api.BUREAU, MockMvcRequestBuilders.post("/api/projects/" + id + "/capital-arrivals"))
                        .header("Idempotency-Key", key)
                        .content(arrival.replace("3000000", "3000001")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(events()).isEqualTo(after);
    }

    @Test
    void an_idempotency_key_works_for_signing_and_zone_registration_too() throws Exception {
        String key = "sign-" + zone;
        String first = api.perform(Api.as(Api.BUREAU, MockMvcRequestBuilders.post("/api/projects"))
                        .header("Idempotency-Key", key)
                        .content(Api.signing(zone)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        api.perform(Api.as(Api.BUREAU, MockMvcRequestBuilders.post("/api/projects"))
                        .header("Idempotency-Key", key)
                        .content(Api.signing(zone)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/projects/" + JsonPath.read(first, "$.id")))
                .andExpect(content().json(first, JsonCompareMode.STRICT));
        api.get("/api/projects?zoneId=" + zone).andExpect(jsonPath("$.total").value(1));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 1, \"extra\": 1}",
                "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": -5}",
                "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 0}",
                "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 1.001}",
                "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 1e300}",
                "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 1000000000000000000}",
                "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": \"100\"}",
                "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"EURO\", \"amount\": 1}",
                "{\"arrivedOn\": \"2023-02-30\", \"kind\": \"FOREIGN\", \"amount\": 1}",
                "{\"arrivedOn\": \"FUTURE\", \"kind\": \"FOREIGN\", \"amount\": 1}",
                "{\"kind\": \"FOREIGN\", \"amount\": 1}",
                "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 1",
                "[]",
                ""
            })
    void bad_input_is_400_problem_json_and_records_nothing(String body) throws Exception {
        String id = api.newProject(zone);
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        long before = events();
        api.post("/api/projects/" + id + "/capital-arrivals", body.replace("FUTURE", tomorrow))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").isString())
                .andExpect(jsonPath("$.title").isString())
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").isString());
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "retraction-blank|/capital-arrivals/x/retraction|{\"reason\": \"   \"}",
                "termination-no-reason|/termination|{\"terminatedOn\": \"2023-05-01\"}",
                "amendment-blank|/amendments|{\"amendedOn\": \"2023-09-01\", \"contractInvestmentCny\": 2, \"reason\": \"\"}",
                "correction-empty|/signing-correction|{\"reason\": \"只有理由\"}",
                "correction-bad-industry|/signing-correction|{\"industry\": \"MINING\", \"reason\": \"x\"}",
                "landing-null|/landing|{\"landedOn\": null}",
                "termination-ideographic-space|/termination|{\"terminatedOn\": \"2023-05-01\", \"reason\": \"\u3000\"}",
                "arrival-kind-as-number|/capital-arrivals|{\"arrivedOn\": \"2023-07-01\", \"kind\": 0, \"amount\": 1}",
                "reason-zero-width|/termination|{\"terminatedOn\": \"2023-05-01\", \"reason\": \"\\u200b\\u200b\"}",
                "reason-nul|/termination|{\"terminatedOn\": \"2023-05-01\", \"reason\": \"原因\\u0000\"}",
                "termination-year-1|/termination|{\"terminatedOn\": \"0001-05-01\", \"reason\": \"原因\"}",
                "landing-1900|/landing|{\"landedOn\": \"1900-01-01\"}",
                "amount-nul|/capital-arrivals|{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": \"\\u0000\"}",
                "amount-blank|/capital-arrivals|{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": \" \"}",
                "correction-year-0|/signing-correction|{\"signedOn\": \"0000-01-01\", \"reason\": \"录入错误\"}",
                "reason-as-number|/signing-correction|{\"industry\": \"NEW_ENERGY\", \"reason\": 42}"
            })
    void blank_or_unreadable_reasons_amounts_dates_and_empty_corrections_are_400(String testCase) throws Exception {
        String[] parts = testCase.split("\\|");
        String id = api.newProject(zone);
        long before = events();
        api.post("/api/projects/" + id + parts[1], parts[2])
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors").isArray());
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_signing_dated_tomorrow_in_china_is_400_with_the_field_named() throws Exception {
        String tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        long before = events();
        api.post("/api/projects", Api.signing(zone).replace("2023-03-15", tomorrow))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("signedOn"))
                .andExpect(jsonPath("$.errors[0].message", containsString("future")));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_wrong_content_type_or_unknown_path_is_a_problem_not_a_server_error() throws Exception {
        api.perform(Api.as(Api.BUREAU, MockMvcRequestBuilders.post("/api/projects"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        api.get("/api/nothing-here").andExpect(status().isNotFound());
        api.get("/api/projects?page=-1").andExpect(status().isBadRequest());
        api.get("/api/projects?stage=FLYING").andExpect(status().isBadRequest());
    }

    @Test
    void every_json_answer_and_problem_ends_with_a_line_break_for_the_command_line() throws Exception {
        assertThat(api.get("/api/zones").andReturn().getResponse().getContentAsString())
                .startsWith("[")
                .endsWith("]\n");
        assertThat(api.get("/api/projects/nothing-here")
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .endsWith("}\n");
        // the problems the filters answer before any controller runs end the same way
        assertThat(answer(MockMvcRequestBuilders.get("/api/zones"), 401)).endsWith("}\n");
        assertThat(answer(Api.as(Api.BUREAU, MockMvcRequestBuilders.get("/api/nothing-here")), 404))
                .endsWith("}\n");
        assertThat(answer(Api.as("auditor", MockMvcRequestBuilders.post("/api/zones")), 403))
                .endsWith("}\n");
        assertThat(answer(
                        Api.as(Api.BUREAU, MockMvcRequestBuilders.post("/api/projects"))
                                .contentType("*/*")
                                .content("{}"),
                        415))
                .endsWith("}\n");
    }

    private String answer(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void a_query_parameter_out_of_range_is_explained_from_the_same_catalogue_as_the_forms() throws Exception {
        api.get("/api/projects?signedYear=1800")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("signedYear"))
                .andExpect(jsonPath("$.errors[0].message").value("年份须在1990-2100之间 / Year must be 1990-2100"));
        api.get("/api/projects?page=-1")
                .andExpect(jsonPath("$.errors[0].message").value("不能为负数 / Must not be negative"));
        api.get("/api/reports/zones/" + zone + "/years/2023?knownAt=0001-01-01T00:00:00Z")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message")
                        .value("knownAt 须在1900至9999年之间 / knownAt must be between the years 1900 and 9999"));
    }

    @Test
    void the_api_description_lists_every_endpoint_of_the_contract_with_its_headers() throws Exception {
        String docs = api.get("/v3/api-docs")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (String path : new String[] {
            "/api/zones",
            "/api/zones/{zoneId}/targets/{year}",
            "/api/projects",
            "/api/projects/{id}",
            "/api/projects/{id}/history",
            "/api/projects/{id}/landing",
            "/api/projects/{id}/production",
            "/api/projects/{id}/capital-arrivals",
            "/api/projects/{id}/capital-arrivals/{arrivalId}/retraction",
            "/api/projects/{id}/amendments",
            "/api/projects/{id}/signing-correction",
            "/api/projects/{id}/termination"
        }) {
            assertThat(JsonPath.<Object>read(docs, "$.paths['" + path + "']"))
                    .as(path)
                    .isNotNull();
        }
        assertThat(docs)
                .contains("Idempotency-Key")
                .contains("If-Match")
                .contains("登记落地")
                .contains("Record the landing");
        String report = "$.paths['/api/reports/zones/{zoneId}/years/{year}'].get.parameters[?(@.name == '%s')]";
        assertThat(JsonPath.<List<Object>>read(docs, report.formatted("asOf") + ".schema.format"))
                .containsExactly("date");
        assertThat(JsonPath.<List<Object>>read(docs, report.formatted("knownAt") + ".in"))
                .containsExactly("query");
        assertThat(JsonPath.<List<Object>>read(docs, report.formatted("atPosition") + ".schema.type"))
                .containsExactly("integer");
        assertThat(JsonPath.<List<Object>>read(docs, report.formatted("atPosition") + ".schema.minimum"))
                .containsExactly(0);
    }

    @Test
    void a_body_over_one_megabyte_is_413_and_records_nothing() throws Exception {
        String huge = "{\"reason\": \"" + "很".repeat(400_000) + "\"}";
        String id = api.newProject(zone);
        long before = events();
        api.post("/api/projects/" + id + "/termination", huge)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(events()).isEqualTo(before);
    }
}
