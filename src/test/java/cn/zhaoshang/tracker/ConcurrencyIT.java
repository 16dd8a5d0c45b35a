package cn.zhaoshang.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import cn.zhaoshang.tracker.zone.api.AnnualTargetId;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Fifty requests at once on one project: nothing lost, nothing doubled, conflicts answered as the contract says.
 * Commands on one aggregate wait for each other, commands on different ones do not (ADR 0019).
 */
@InMemoryTracker
class ConcurrencyIT extends InAFreshZone {

    private static final int CALLERS = 50;
    private static final String ARRIVAL = "{\"arrivedOn\": \"2023-07-01\", \"kind\": \"FOREIGN\", \"amount\": 1000}";

    String project;

    ConcurrencyIT() {
        super("concurrency");
    }

    @BeforeEach
    void aProject() throws Exception {
        project = api.newProject(zone);
    }

    @Test
    void fifty_arrivals_at_once_without_if_match_are_all_recorded() throws Exception {
        List<MockHttpServletResponse> answers = atOnce(() -> arrival().content(ARRIVAL));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatus()).isEqualTo(201));
        assertThat(events("CapitalArrived")).isEqualTo(CALLERS);
        String detail = mvc.perform(Api.as(Api.REVIEWER, MockMvcRequestBuilders.get("/api/projects/" + project)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(new BigDecimal(
                        JsonPath.read(detail, "$.foreignCapitalArrivedUsd").toString()))
                .isEqualByComparingTo(BigDecimal.valueOf(1000L * CALLERS));
        assertThat(JsonPath.<Integer>read(detail, "$.version")).isEqualTo(CALLERS);
    }

    @Test
    void fifty_arrivals_at_once_with_the_same_if_match_record_exactly_one() throws Exception {
        List<MockHttpServletResponse> answers =
                atOnce(() -> arrival().header("If-Match", "\"0\"").content(ARRIVAL));

        assertThat(answers.stream().filter(answer -> answer.getStatus() == 201)).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.getStatus() == 412)).hasSize(CALLERS - 1);
        assertThat(events("CapitalArrived")).isEqualTo(1);
    }

    @Test
    void the_same_idempotency_key_fifty_times_at_once_records_once() throws Exception {
        String key = "same-" + project;
        List<MockHttpServletResponse> answers =
                atOnce(() -> arrival().header("Idempotency-Key", key).content(ARRIVAL));

        List<MockHttpServletResponse> created =
                answers.stream().filter(answer -> answer.getStatus() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatus()).isIn(201, 409));
        String original = created.get(0).getContentAsString();
        for (MockHttpServletResponse answer : created) {
            assertThat(answer.getContentAsString()).isEqualTo(original);
        }
        assertThat(events("CapitalArrived")).isEqualTo(1);
    }

    @Test
    void fifty_first_commands_at_once_on_an_aggregate_are_all_recorded() throws Exception {
        String firstTarget = "{\"contractInvestmentCny\": %d, \"foreignCapitalUsd\": 1000000, \"projectCount\": 10}";
        int[] amount = {0};
        List<MockHttpServletResponse> answers =
                atOnce(() -> Api.as(Api.REVIEWER, MockMvcRequestBuilders.put("/api/zones/" + zone + "/targets/2030"))
                        .content(firstTarget.formatted(1_000_000_000L + ++amount[0])));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatus()).isEqualTo(200));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                        .param(AnnualTargetId.of(zone, 2030))
                        .query(Long.class)
                        .single())
                .isEqualTo(CALLERS);
    }

    @Test
    void fifty_identical_signings_at_once_record_one_project_and_answer_the_others_409() throws Exception {
        String empty = api.newZone(city);
        List<MockHttpServletResponse> answers = atOnce(() ->
                Api.as(Api.BUREAU, MockMvcRequestBuilders.post("/api/projects")).content(Api.signing(empty)));

        List<MockHttpServletResponse> created =
                answers.stream().filter(answer -> answer.getStatus() == 201).toList();
        assertThat(created).hasSize(1);
        String first = JsonPath.read(created.get(0).getContentAsString(), "$.id");
        for (MockHttpServletResponse answer : answers) {
            if (answer.getStatus() != 201) {
                assertThat(answer.getStatus()).isEqualTo(409);
                assertThat(JsonPath.<String>read(answer.getContentAsString(), "$.type"))
                        .isEqualTo("urn:problem:duplicate-signing");
                assertThat(JsonPath.<String>read(answer.getContentAsString(), "$.existingProject.id"))
                        .isEqualTo(first);
            }
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM project_summary WHERE zone_id = ?")
                        .param(empty)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_command_waits_for_its_own_aggregate_and_not_for_another(@Autowired DataSource dataSource) throws Exception {
        String other = api.newProject(api.newZone(city));
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection elsewhere = dataSource.getConnection()) {
            elsewhere.setAutoCommit(false);
            // a signing holds its signing key, not its new project: the project's row comes with its first command
            try (PreparedStatement hold =
                    elsewhere.prepareStatement("INSERT INTO aggregate_lock (aggregate_id, commands) VALUES (?, 0)")) {
                hold.setString(1, project);
                assertThat(hold.executeUpdate()).isEqualTo(1);
            }
            Future<MockHttpServletResponse> waiting = caller.submit(
                    () -> mvc.perform(arrival().content(ARRIVAL)).andReturn().getResponse());

            MockHttpServletResponse meanwhile = mvc.perform(Api.as(
                                    Api.BUREAU,
                                    MockMvcRequestBuilders.post("/api/projects/" + other + "/capital-arrivals"))
                            .content(ARRIVAL))
                    .andReturn()
                    .getResponse();
            assertThat(meanwhile.getStatus()).isEqualTo(201);
            assertThat(catchThrowable(() -> waiting.get(500, TimeUnit.MILLISECONDS)))
                    .isInstanceOf(TimeoutException.class);
            assertThat(events("CapitalArrived")).isZero();

            elsewhere.commit();
            assertThat(waiting.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
            assertThat(events("CapitalArrived")).isEqualTo(1);
        } finally {
            caller.shutdown();
        }
    }

    private MockHttpServletRequestBuilder arrival() {
        return Api.as(Api.BUREAU, MockMvcRequestBuilders.post("/api/projects/" + project + "/capital-arrivals"));
    }

    private long events(String type) {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType LIKE ?")
                .params(project, "%." + type)
                .query(Long.class)
                .single();
    }

    private List<MockHttpServletResponse> atOnce(Callable<MockHttpServletRequestBuilder> request) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                MockHttpServletRequestBuilder built = request.call();
                futures.add(callers.submit(() -> {
                    start.await();
                    return mvc.perform(built).andReturn().getResponse();
                }));
            }
            start.countDown();
            List<MockHttpServletResponse> answers = new ArrayList<>();
            for (Future<MockHttpServletResponse> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            callers.shutdown();
        }
    }
}
