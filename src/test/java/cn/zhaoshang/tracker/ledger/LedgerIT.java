package cn.zhaoshang.tracker.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhaoshang.tracker.Api;
import cn.zhaoshang.tracker.CaughtUp;
import cn.zhaoshang.tracker.InMemoryTracker;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The 台账 over HTTP: the sample builds the same reports as the API; mistakes are refused row by row. */
@InMemoryTracker
class LedgerIT {

    private static final String API_ZONE = "xlsx-api";
    private static final List<String> FIGURES = List.of(
            "projectsSigned",
            "top500Projects",
            "contractInvestmentCny",
            "foreignCapitalArrivedUsd",
            "domesticCapitalArrivedCny",
            "projectsLanded",
            "projectsInProduction",
            "projectsTerminated");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void importing_the_sample_builds_the_same_reports_as_the_api_and_a_second_import_records_nothing()
            throws Exception {
        Api api = new Api(mvc);
        api.post("/api/zones", zone(SampleLedger.ZONE)).andExpect(status().isCreated());
        api.post("/api/zones", zone(API_ZONE)).andExpect(status().isCreated());
        byte[] sample = resource("/ledger/sample-30.xlsx");

        upload(sample, true, Api.BUREAU)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.recorded").value(false))
                .andExpect(jsonPath("$.newProjects").value(30))
                .andExpect(jsonPath("$.errors").isEmpty());
        assertThat(projectsIn(SampleLedger.ZONE)).isZero();

        long before = events();
        upload(sample, false, Api.BUREAU)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(true))
                .andExpect(jsonPath("$.newProjects").value(30));
        assertThat(projectsIn(SampleLedger.ZONE)).isEqualTo(30);
        long afterFirst = events();
        assertThat(afterFirst).isGreaterThan(before + 30);

        upload(sample, false, Api.BUREAU)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newProjects").value(0))
                .andExpect(jsonPath("$.alreadyRecorded").value(30));
        assertThat(events()).isEqualTo(afterFirst);

        for (SampleLedger.Sample row : SampleLedger.thirty()) {
            enterThroughTheApi(api, row);
        }
        CaughtUp.await(jdbc);
        for (int year : List.of(2024, 2025)) {
            String imported = report(SampleLedger.ZONE, year);
            String entered = report(API_ZONE, year);
            for (String figure : FIGURES) {
                Object viaImport = JsonPath.read(imported, "$." + figure);
                Object viaApi = JsonPath.read(entered, "$." + figure);
                assertThat(new BigDecimal(viaImport.toString()))
                        .as("%s %d", figure, year)
                        .isEqualByComparingTo(new BigDecimal(viaApi.toString()));
            }
        }
        assertThat((Integer) JsonPath.read(report(SampleLedger.ZONE, 2024), "$.projectsSigned"))
                .isEqualTo(30);
    }

    @Test
    void a_ledger_with_mistakes_is_refused_with_each_row_and_column_and_records_nothing() throws Exception {
        Api api = new Api(mvc);
        api.post("/api/zones", zone(SampleLedger.MISTAKES_ZONE)).andExpect(status().isCreated());
        long before = events();

        String problem = upload(resource("/ledger/sample-with-mistakes.xlsx"), false, Api.BUREAU)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:problem:import-rejected"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        List<Map<String, Object>> errors = JsonPath.read(problem, "$.errors");
        assertThat(errors)
                .extracting(error -> error.get("row") + " " + error.get("column"))
                .containsExactly("2 项目名称", "3 是否三类500强", "4 合同投资额（亿元）", "5 落地日期", "6 开发区编号", "7 签约日期");
        assertThat((String) errors.get(3).get("problem")).contains("落地日期早于签约日期");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void bad_files_are_4xx_problems_and_only_the_bureau_may_import() throws Exception {
        upload("项目名称,投资方\n".getBytes(StandardCharsets.UTF_8), false, Api.BUREAU)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        byte[] otherHeaders;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Workbooks.header(workbook, workbook.createSheet("台账"), List.of("项目", "金额"));
            otherHeaders = Workbooks.bytes(workbook);
        }
        upload(otherHeaders, true, Api.BUREAU)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("表头")));
        // over HTTP a body over 1 MB is a 413 (BodySizeLimit); MockMvc announces no length, so the reader refuses it
        upload(new byte[2_000_000], false, Api.BUREAU).andExpect(status().is4xxClientError());
        upload(resource("/ledger/sample-30.xlsx"), true, "leader").andExpect(status().isForbidden());
        upload(resource("/ledger/sample-30.xlsx"), true, "auditor").andExpect(status().isForbidden());
        mvc.perform(Api.as(Api.REVIEWER, get("/api/projects/import/template.xlsx")))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_template_downloads_and_exports_open_as_workbooks() throws Exception {
        byte[] template = mvc.perform(Api.as(Api.BUREAU, get("/api/projects/import/template.xlsx")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue())
                    .isEqualTo("项目名称*");
        }

        Api api = new Api(mvc);
        String zone = api.newZone("xlsxcity");
        api.newProject(zone);
        for (String user : List.of(Api.BUREAU, Api.REVIEWER, "auditor")) {
            byte[] ledger = mvc.perform(Api.as(user, get("/api/projects/export.xlsx?zoneId=" + zone)))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger))) {
                assertThat(workbook.getSheetAt(0).getRow(1).getCell(2).getStringCellValue())
                        .isEqualTo("日本触媒新材料项目");
                assertThat(workbook.getSheetAt(0).getRow(1).getCell(9).getNumericCellValue())
                        .isEqualTo(15.0);
            }
        }

        mvc.perform(Api.as(Api.REVIEWER, get("/api/projects/export.xlsx?signedYear=1800")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void the_ledger_export_prints_on_a4_landscape_one_page_wide_with_its_header_on_every_page() throws Exception {
        Api api = new Api(mvc);
        String zone = api.newZone("printcity");
        api.newProject(zone);

        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(download("/api/projects/export.xlsx?zoneId=" + zone)))) {
            org.apache.poi.ss.usermodel.Sheet ledger = workbook.getSheetAt(0);
            assertThat(ledger.getPrintSetup().getPaperSize())
                    .isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(ledger.getPrintSetup().getLandscape()).isTrue();
            assertThat(ledger.getFitToPage()).isTrue();
            assertThat(ledger.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(ledger.getRepeatingRows().formatAsString()).isEqualTo("1:1");
            assertThat(ledger.getFooter().getCenter()).isEqualTo("第 &P 页，共 &N 页");
        }
    }

    @Test
    void the_exports_footer_names_only_the_filters_given() throws Exception {
        Api api = new Api(mvc);
        String zone = api.newZone("footcity");
        api.newProject(zone);

        assertThat(footer(download("/api/projects/export.xlsx?zoneId=" + zone)))
                .isEqualTo("筛选条件 / filters: zoneId=" + zone + "；共 1 个项目");
        assertThat(footer(download("/api/projects/export.xlsx?zoneId=" + zone + "&stage=SIGNED&signedYear=2023")))
                .isEqualTo("筛选条件 / filters: zoneId=" + zone + ", stage=SIGNED, signedYear=2023；共 1 个项目");
        assertThat(footer(download("/api/projects/export.xlsx"))).startsWith("筛选条件 / filters: 无 / none；共 ");
    }

    private static String footer(byte[] ledger) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(ledger))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            return sheet.getRow(sheet.getLastRowNum()).getCell(0).getStringCellValue();
        }
    }

    @Test
    void the_same_ledger_downloads_as_the_same_bytes() throws Exception {
        Api api = new Api(mvc);
        String zone = api.newZone("samebytes");
        api.newProject(zone);

        for (String path : List.of("/api/projects/import/template.xlsx", "/api/projects/export.xlsx?zoneId=" + zone)) {
            byte[] first = download(path);
            Thread.sleep(2_100); // zip entry times have a resolution of two seconds
            assertThat(download(path)).as(path).isEqualTo(first);
        }
    }

    private byte[] download(String path) throws Exception {
        return mvc.perform(Api.as(Api.BUREAU, get(path)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    @Test
    void a_zones_ledger_export_imports_as_it_is_and_records_nothing_new() throws Exception {
        Api api = new Api(mvc);
        String zone = api.newZone("xlsxcity");
        String full = api.newProject(zone);
        String path = "/api/projects/" + full;
        api.post(path + "/capital-arrivals", "{\"arrivedOn\":\"2023-04-01\",\"kind\":\"FOREIGN\",\"amount\":1250000}")
                .andExpect(status().isCreated());
        api.post(path + "/capital-arrivals", "{\"arrivedOn\":\"2023-04-02\",\"kind\":\"DOMESTIC\",\"amount\":3507500}")
                .andExpect(status().isCreated());
        api.post(path + "/landing", "{\"landedOn\":\"2023-04-15\"}").andExpect(status().isOk());
        api.post(path + "/production", "{\"startedOn\":\"2023-09-01\"}").andExpect(status().isOk());
        String body = api.post("/api/projects", Api.signing(zone).replace("日本触媒新材料项目", "湘衡盐化烧碱扩能项目"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String terminated = JsonPath.read(body, "$.id");
        api.post(
                        "/api/projects/" + terminated + "/termination",
                        "{\"terminatedOn\":\"2023-06-30\",\"reason\":\"投资方撤资\"}")
                .andExpect(status().isOk());
        byte[] export = mvc.perform(Api.as(Api.REVIEWER, get("/api/projects/export.xlsx?zoneId=" + zone)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        long before = events();

        for (boolean dryRun : List.of(true, false)) {
            upload(export, dryRun, Api.BUREAU)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.recorded").value(!dryRun))
                    .andExpect(jsonPath("$.rows").value(2))
                    .andExpect(jsonPath("$.newProjects").value(0))
                    .andExpect(jsonPath("$.alreadyRecorded").value(2))
                    .andExpect(jsonPath("$.errors").isEmpty())
                    .andExpect(jsonPath("$.outcomes[*].projectId")
                            .value(org.hamcrest.Matchers.containsInAnyOrder(full, terminated)));
        }
        assertThat(events()).isEqualTo(before);
    }

    private void enterThroughTheApi(Api api, SampleLedger.Sample row) throws Exception {
        Object top500 =
                switch (String.valueOf(row.get(Column.TOP500))) {
                    case "世界500强" -> "\"GLOBAL\"";
                    case "中国民营企业500强" -> "\"CHINA_PRIVATE\"";
                    default -> "null";
                };
        String industry = Labels.INDUSTRIES.entrySet().stream()
                .filter(entry -> entry.getValue().equals(row.get(Column.INDUSTRY)))
                .findFirst()
                .orElseThrow()
                .getKey()
                .name();
        StringBuilder signing = new StringBuilder(
                """
                {"zoneId":"%s","name":"%s","investor":{"name":"%s","country":"%s","top500":%s},
                 "industry":"%s","signedOn":"%s","contractInvestmentCny":%s"""
                        .formatted(
                                API_ZONE,
                                row.get(Column.NAME),
                                row.get(Column.INVESTOR),
                                row.get(Column.COUNTRY),
                                top500,
                                industry,
                                date(row.get(Column.SIGNED_ON)),
                                times(row.get(Column.CONTRACT_YI), "100000000")));
        if (row.get(Column.TAX_WAN) != null) {
            signing.append(",\"expectedAnnualTaxCny\":").append(times(row.get(Column.TAX_WAN), "10000"));
        }
        if (row.get(Column.LAND_MU) != null) {
            signing.append(",\"landAreaMu\":").append(times(row.get(Column.LAND_MU), "1"));
        }
        String body = api.post("/api/projects", signing.append('}').toString())
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String path = "/api/projects/" + JsonPath.read(body, "$.id");
        if (row.get(Column.FOREIGN_WAN_USD) != null) {
            api.post(
                            path + "/capital-arrivals",
                            "{\"arrivedOn\":\"%s\",\"kind\":\"FOREIGN\",\"amount\":%s}"
                                    .formatted(
                                            date(row.get(Column.FOREIGN_ON)),
                                            times(row.get(Column.FOREIGN_WAN_USD), "10000")))
                    .andExpect(status().isCreated());
        }
        if (row.get(Column.DOMESTIC_WAN) != null) {
            api.post(
                            path + "/capital-arrivals",
                            "{\"arrivedOn\":\"%s\",\"kind\":\"DOMESTIC\",\"amount\":%s}"
                                    .formatted(
                                            date(row.get(Column.DOMESTIC_ON)),
                                            times(row.get(Column.DOMESTIC_WAN), "10000")))
                    .andExpect(status().isCreated());
        }
        if (row.get(Column.LANDED_ON) != null) {
            api.post(path + "/landing", "{\"landedOn\":\"%s\"}".formatted(date(row.get(Column.LANDED_ON))))
                    .andExpect(status().isOk());
        }
        if (row.get(Column.STARTED_ON) != null) {
            api.post(path + "/production", "{\"startedOn\":\"%s\"}".formatted(date(row.get(Column.STARTED_ON))))
                    .andExpect(status().isOk());
        }
        if (row.get(Column.TERMINATED_ON) != null) {
            api.post(
                            path + "/termination",
                            "{\"terminatedOn\":\"%s\",\"reason\":\"%s\"}"
                                    .formatted(date(row.get(Column.TERMINATED_ON)), row.get(Column.TERMINATION_REASON)))
                    .andExpect(status().isOk());
        }
    }

    private static String times(Object cell, String unit) {
        return new BigDecimal(cell.toString()).multiply(new BigDecimal(unit)).toPlainString();
    }

    private static String date(Object cell) {
        return cell instanceof LocalDate date
                ? date.toString()
                : cell.toString().replace('/', '-');
    }

    private ResultActions upload(byte[] file, boolean dryRun, String user) throws Exception {
        return mvc.perform(Api.as(
                        user,
                        multipart("/api/projects/import")
                                .file(new MockMultipartFile(
                                        "file",
                                        "台账.xlsx",
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                        file))
                                .param("dryRun", String.valueOf(dryRun)))
                .contentType("multipart/form-data"));
    }

    private String report(String zone, int year) throws Exception {
        return mvc.perform(Api.as(Api.REVIEWER, get("/api/reports/zones/" + zone + "/years/" + year)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private int projectsIn(String zone) throws Exception {
        String body = mvc.perform(Api.as(Api.REVIEWER, get("/api/projects?zoneId=" + zone)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.total");
    }

    private long events() {
        return Api.storedEvents(jdbc);
    }

    private static String zone(String id) {
        return "{\"id\":\"%s\",\"name\":\"%s\",\"city\":\"xlsxcity\"}".formatted(id, id);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = LedgerIT.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
