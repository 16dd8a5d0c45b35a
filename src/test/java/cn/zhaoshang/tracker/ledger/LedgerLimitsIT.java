package cn.zhaoshang.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.InMemoryTracker;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Hostile workbooks over HTTP: refused with 400 quickly while the instance stays healthy, and beyond the permitted
 * number of imports at once turned away with 429 and Retry-After, on the API and on the page; nothing is recorded.
 */
@InMemoryTracker
class LedgerLimitsIT {

    private static final ExecutorService UPLOADS = Executors.newFixedThreadPool(3);
    private static byte[] reviewers;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportPermits permits;

    @BeforeAll
    static void theReviewersWorkbook() {
        reviewers = LedgerReaderLimitsTest.reviewersWorkbook();
    }

    @AfterAll
    static void stopUploads() {
        UPLOADS.shutdownNow();
    }

    @Test
    void the_reviewers_workbook_is_a_400_naming_the_limit_while_health_stays_up() throws Exception {
        long eventsBefore = events();
        long start = System.nanoTime();
        CompletableFuture<List<MockHttpServletResponse>> uploads = CompletableFuture.supplyAsync(
                () -> {
                    List<MockHttpServletResponse> answers = new ArrayList<>();
                    for (int i = 0; i < 3; i++) {
                        answers.add(apiUpload(reviewers));
                    }
                    return answers;
                },
                UPLOADS);
        List<Integer> health = new ArrayList<>();
        do {
            health.add(mvc.perform(get("/actuator/health"))
                    .andReturn()
                    .getResponse()
                    .getStatus());
        } while (!uploads.isDone());

        List<MockHttpServletResponse> answers = uploads.get(30, TimeUnit.SECONDS);
        System.out.printf(
                "3 uploads of the reviewer's workbook answered in %d ms; %d health checks meanwhile%n",
                (System.nanoTime() - start) / 1_000_000, health.size());
        for (MockHttpServletResponse answer : answers) {
            assertThat(answer.getStatus()).isEqualTo(400);
            assertThat(answer.getContentType()).startsWith("application/problem+json");
            assertThat(JsonPath.<String>read(answer.getContentAsString(StandardCharsets.UTF_8), "$.detail"))
                    .isEqualTo("单元格超出第64列（模板共18列）/ a cell lies beyond column 64 (the template has 18)");
        }
        assertThat(health).isNotEmpty().containsOnly(200);
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void with_every_permit_taken_more_imports_are_429_with_retry_after_on_the_api_and_the_page() throws Exception {
        long eventsBefore = events();
        List<ImportPermits.Permit> taken = new ArrayList<>();
        try {
            takeEvery(taken);
            // the default, and none left taken by the imports refused before
            assertThat(taken).hasSize(2);

            List<CompletableFuture<MockHttpServletResponse>> uploads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                uploads.add(CompletableFuture.supplyAsync(() -> apiUpload(reviewers), UPLOADS));
            }
            for (CompletableFuture<MockHttpServletResponse> upload : uploads) {
                MockHttpServletResponse answer = upload.get(30, TimeUnit.SECONDS);
                String problem = answer.getContentAsString(StandardCharsets.UTF_8);
                assertThat(answer.getStatus()).isEqualTo(429);
                assertThat(answer.getHeader("Retry-After")).isEqualTo("5");
                assertThat(answer.getContentType()).startsWith("application/problem+json");
                assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("urn:problem:too-many-requests");
                assertThat(JsonPath.<String>read(problem, "$.title")).isEqualTo("请求过多 / Too Many Requests");
                assertThat(JsonPath.<String>read(problem, "$.detail")).contains("请5秒后重试");
            }

            MockHttpServletResponse page = pageUpload(reviewers, "zh-CN");
            assertThat(page.getStatus()).isEqualTo(429);
            assertThat(page.getHeader("Retry-After")).isEqualTo("5");
            assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                    .contains("id=\"import-busy\">已有多个导入正在进行，请 5 秒后再试。");
            assertThat(pageUpload(reviewers, "en").getContentAsString(StandardCharsets.UTF_8))
                    .contains("try again in 5 seconds");
        } finally {
            taken.forEach(ImportPermits.Permit::close);
        }

        MockHttpServletResponse page = pageUpload(reviewers, "zh-CN");
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("单元格超出第64列");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    private void takeEvery(List<ImportPermits.Permit> taken) {
        try {
            while (taken.size() < 100) {
                taken.add(permits.take());
            }
        } catch (ImportPermits.Busy allTaken) {
            // every permit is held by the test now
        }
    }

    private MockHttpServletResponse apiUpload(byte[] xlsx) {
        try {
            return mvc.perform(Api.as(
                                    "bureau",
                                    multipart("/api/projects/import")
                                            .file(new MockMultipartFile("file", "台账.xlsx", null, xlsx))
                                            .param("dryRun", "true"))
                            .contentType("multipart/form-data"))
                    .andReturn()
                    .getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MockHttpServletResponse pageUpload(byte[] xlsx, String language) throws Exception {
        return mvc.perform(multipart("/ledger/import")
                        .file(new MockMultipartFile("file", "台账.xlsx", "application/octet-stream", xlsx))
                        .param("dryRun", "true")
                        .param("lang", language)
                        .with(user("clerk").roles("BUREAU"))
                        .with(csrf()))
                .andReturn()
                .getResponse();
    }

    private long events() {
        return Api.storedEvents(jdbc);
    }
}
