package cn.zhaoshang.tracker;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.ServletContext;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.FixedSeedMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.BeforeTry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * Generated bad input, at scale, at every endpoint of the contract that takes input: wrong JSON types, missing,
 * extra and null fields, huge and tiny numbers, odd Unicode, broken JSON, wrong content types, bodies around 1 MB,
 * odd headers and query parameters, mixed with valid parts so that some requests succeed. Every answer must be
 * below 500, every 4xx an {@code application/problem+json} with type, title, status and detail, and a request that
 * is not answered 2xx must not record an event.
 *
 * <p>Runs on the jqwik engine with a fixed seed (change {@link #SEED} to explore further); Spring injects the
 * fields through a {@link TestContextManager}, so the properties share the cached context of the other
 * {@code @InMemoryTracker} tests. Requests carry symbolic project and arrival references ({@code {project:2}})
 * resolved against projects created for the run, so a failing sample reads the same on every run.
 */
@InMemoryTracker
@PropertyDefaults(
        generation = GenerationMode.RANDOMIZED,
        edgeCases = EdgeCasesMode.NONE,
        whenFixedSeed = FixedSeedMode.ALLOW)
class BadInputIT {

    static final String SEED = "20250607";

    private static final TestContextManager SPRING = new TestContextManager(BadInputIT.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultUriBuilderFactory URIS = new DefaultUriBuilderFactory();
    private static final int LIMIT = 1024 * 1024;
    private static final int REFRESH_EVERY = 150;

    private static final String ZONE = "bi-zone";
    private static final String CITY = "bi-city";
    private static final LocalDate SIGNED_ON = LocalDate.of(2023, 3, 15);
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final int SLOTS = 5;

    /** With -Dbadinput.collect=true every violation is appended to VIOLATIONS instead of failing the property. */
    private static final boolean COLLECT = Boolean.getBoolean("badinput.collect");

    private static final Path VIOLATIONS = Path.of("target", "badinput-violations.txt");
    private static final Object LOCK = new Object();
    private static final Map<Integer, AtomicInteger> ANSWERS = new ConcurrentHashMap<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final List<String> projects = new ArrayList<>();
    private final List<String> arrivals = new ArrayList<>();
    private int tries;

    @BeforeProperty
    void springAndProjects() throws Exception {
        SPRING.prepareTestInstance(this);
        int zone;
        synchronized (LOCK) {
            zone = perform(Caller.ADMIN, HttpMethod.POST, "/api/zones", zoneBody(ZONE, "坏输入开发区", CITY))
                    .getStatus();
        }
        if (zone != 201 && zone != 409) {
            throw new IllegalStateException("zone setup answered " + zone);
        }
        refreshProjects();
    }

    @BeforeTry
    void refreshNowAndThen() throws Exception {
        if (++tries % REFRESH_EVERY == 0) {
            refreshProjects();
        }
    }

    @AfterContainer
    static void summary() {
        int total = ANSWERS.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf(
                "BadInputIT (seed %s): %d requests checked, by status %s%n", SEED, total, new TreeMap<>(ANSWERS));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The properties: one per endpoint (or family of endpoints), together well over 10,000 requests.

    @Property(tries = 800, seed = SEED)
    void registering_a_zone_never_fails_on_the_server(@ForAll("zoneRegistrations") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 800, seed = SEED)
    void setting_targets_never_fails_on_the_server(@ForAll("targets") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 1300, seed = SEED)
    void signing_never_fails_on_the_server(@ForAll("signings") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 650, seed = SEED)
    void landing_never_fails_on_the_server(@ForAll("landings") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 650, seed = SEED)
    void production_never_fails_on_the_server(@ForAll("productions") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 900, seed = SEED)
    void capital_arrivals_never_fail_on_the_server(@ForAll("arrivals") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 700, seed = SEED)
    void retractions_never_fail_on_the_server(@ForAll("retractions") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 700, seed = SEED)
    void amendments_never_fail_on_the_server(@ForAll("amendments") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 800, seed = SEED)
    void signing_corrections_never_fail_on_the_server(@ForAll("corrections") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 600, seed = SEED)
    void terminations_never_fail_on_the_server(@ForAll("terminations") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 700, seed = SEED)
    void the_project_list_never_fails_on_the_server(@ForAll("projectLists") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 300, seed = SEED)
    void single_reads_never_fail_on_the_server(@ForAll("singleReads") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 900, seed = SEED)
    void reports_never_fail_on_the_server(@ForAll("reports") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 500, seed = SEED)
    void the_audit_log_never_fails_on_the_server(@ForAll("auditPages") Probe probe) throws Exception {
        check(probe);
    }

    @Property(tries = 40, seed = SEED)
    void bodies_over_one_megabyte_are_refused_with_413(@ForAll("aroundOneMegabyte") Probe probe) throws Exception {
        check(probe);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The check, applied to every generated request.

    private void check(Probe probe) throws Exception {
        MockHttpServletResponse response;
        String broken;
        // One request at a time, its events counted alone: jqwik shrinks in a thread of its own, which may still be
        // sending its last request when the next property starts.
        synchronized (LOCK) {
            long before = events();
            response = perform(probe);
            broken = verdict(probe, response, events() - before);
        }
        ANSWERS.computeIfAbsent(response.getStatus(), ignored -> new AtomicInteger())
                .incrementAndGet();
        if (broken == null) {
            return;
        }
        String report = "%s%n  seed:     %s (BadInputIT.SEED)%n  request:  %s%n  answer:   %d %s %s%n"
                .formatted(
                        broken,
                        SEED,
                        abbreviate(probe.resolved(this), 2000),
                        response.getStatus(),
                        response.getContentType(),
                        abbreviate(response.getContentAsString(StandardCharsets.UTF_8), 600));
        if (COLLECT) {
            Files.writeString(VIOLATIONS, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return;
        }
        throw new AssertionError(report);
    }

    private static String verdict(Probe probe, MockHttpServletResponse response, long recorded) throws Exception {
        int status = response.getStatus();
        if (status >= 500) {
            return "a server error (%d) for bad input".formatted(status);
        }
        if (probe.bodyBytes() > LIMIT && status != 413) {
            return "a body of %d bytes was not refused with 413".formatted(probe.bodyBytes());
        }
        if (probe.bodyBytes() <= LIMIT && status == 413) {
            return "a body of %d bytes (not over 1 MB) was refused with 413".formatted(probe.bodyBytes());
        }
        if (status < 200 || status >= 300) {
            if (recorded != 0) {
                return "a request answered %d recorded %d event(s)".formatted(status, recorded);
            }
        } else if (recorded < 0) {
            return "the event store shrank by %d".formatted(-recorded);
        }
        if (status >= 400) {
            return problemDetailMissing(response);
        }
        return null;
    }

    private static String problemDetailMissing(MockHttpServletResponse response) throws Exception {
        String contentType = response.getContentType();
        if (contentType == null
                || !MediaType.APPLICATION_PROBLEM_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType))) {
            return "a %d that is not application/problem+json".formatted(response.getStatus());
        }
        JsonNode problem = JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        if (problem == null || !problem.isObject()) {
            return "a %d whose body is not a JSON object".formatted(response.getStatus());
        }
        for (String field : List.of("type", "title", "detail")) {
            if (!problem.path(field).isTextual() || problem.path(field).asText().isBlank()) {
                return "a %d problem without '%s'".formatted(response.getStatus(), field);
            }
        }
        if (problem.path("status").asInt() != response.getStatus()) {
            return "a %d problem whose 'status' is %s".formatted(response.getStatus(), problem.path("status"));
        }
        return null;
    }

    private long events() {
        return Api.storedEvents(jdbc);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The projects the commands aim at: slot 0 and 4 signed, 1 landed, 2 in production, 3 terminated, each with
    // one foreign arrival. Renewed every REFRESH_EVERY tries, so that valid commands keep finding a fitting state.

    private void refreshProjects() throws Exception {
        projects.clear();
        arrivals.clear();
        for (int slot = 0; slot < SLOTS; slot++) {
            // a name of its own: the same name signed on the same date in one zone would be the same project
            String signing = Api.signing(ZONE).replace("日本触媒新材料项目", "日本触媒新材料项目" + UUID.randomUUID());
            String project = JsonPath.read(setup(HttpMethod.POST, "/api/projects", signing), "$.id");
            arrivals.add(JsonPath.read(
                    setup(
                            HttpMethod.POST,
                            "/api/projects/" + project + "/capital-arrivals",
                            "{\"arrivedOn\": \"2023-06-01\", \"kind\": \"FOREIGN\", \"amount\": 1000000}"),
                    "$.arrivalId"));
            if (slot == 1 || slot == 2) {
                setup(HttpMethod.POST, "/api/projects/" + project + "/landing", "{\"landedOn\": \"2023-07-01\"}");
            }
            if (slot == 2) {
                setup(HttpMethod.POST, "/api/projects/" + project + "/production", "{\"startedOn\": \"2023-09-01\"}");
            }
            if (slot == 3) {
                setup(
                        HttpMethod.POST,
                        "/api/projects/" + project + "/termination",
                        "{\"terminatedOn\": \"2023-10-01\", \"reason\": \"投资方撤资\"}");
            }
            projects.add(project);
        }
    }

    private String setup(HttpMethod method, String path, String body) throws Exception {
        MockHttpServletResponse response;
        synchronized (LOCK) {
            response = perform(Caller.BUREAU, method, path, body);
        }
        if (response.getStatus() >= 300) {
            throw new IllegalStateException("setup %s %s answered %d: %s"
                    .formatted(method, path, response.getStatus(), response.getContentAsString()));
        }
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse perform(Caller caller, HttpMethod method, String path, String body)
            throws Exception {
        Probe probe = new Probe(
                method, path, List.of(), List.of(), caller, "application/json", Map.of(), Body.utf8(body), false);
        return perform(probe);
    }

    private MockHttpServletResponse perform(Probe probe) throws Exception {
        return mvc.perform(probe.request(this)).andReturn().getResponse();
    }

    private String resolve(String segment) {
        if (segment.startsWith("{project:")) {
            return projects.get(Integer.parseInt(segment.substring(9, segment.length() - 1)));
        }
        if (segment.startsWith("{arrival:")) {
            return arrivals.get(Integer.parseInt(segment.substring(9, segment.length() - 1)));
        }
        return segment;
    }

    // ---------------------------------------------------------------------------------------------------------
    // One generated request.

    enum Caller {
        BUREAU("clerk", "BUREAU"),
        BUREAU_WITH_PASSWORD("clerk", "BUREAU"),
        LEADER("inspector", "LEADERSHIP"),
        AUDITOR("auditor", "AUDITOR"),
        REVIEWER("inspector", "REVIEWER"),
        ADMIN("admin", "ADMIN");

        final String user;
        final String role;

        Caller(String user, String role) {
            this.user = user;
            this.role = role;
        }
    }

    enum Encoding {
        UTF_8,
        UTF_16,
        LATIN_1,
        BROKEN_UTF_8
    }

    /** A request body: text in an encoding, optionally padded with spaces to an exact size in bytes. */
    record Body(String text, Encoding encoding, int padTo) {

        static Body utf8(String text) {
            return new Body(text, Encoding.UTF_8, 0);
        }

        byte[] bytes() {
            byte[] bytes =
                    switch (encoding) {
                        case UTF_8 -> text.getBytes(StandardCharsets.UTF_8);
                        case UTF_16 -> text.getBytes(StandardCharsets.UTF_16);
                        case LATIN_1 -> text.getBytes(StandardCharsets.ISO_8859_1);
                        case BROKEN_UTF_8 -> {
                            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
                            byte[] broken = Arrays.copyOf(utf8, utf8.length + 3);
                            int middle = utf8.length / 2;
                            System.arraycopy(utf8, middle, broken, middle + 3, utf8.length - middle);
                            broken[middle] = (byte) 0xC3;
                            broken[middle + 1] = (byte) 0x28;
                            broken[middle + 2] = (byte) 0xFF;
                            yield broken;
                        }
                    };
            if (padTo <= bytes.length) {
                return bytes;
            }
            // Whitespace before the last character keeps the JSON text as it was.
            byte[] padded = new byte[padTo];
            Arrays.fill(padded, (byte) ' ');
            System.arraycopy(bytes, 0, padded, 0, bytes.length - 1);
            padded[padTo - 1] = bytes[bytes.length - 1];
            return padded;
        }

        int size() {
            return padTo > 0 ? Math.max(padTo, bytes().length) : bytes().length;
        }

        @Override
        public String toString() {
            return (encoding == Encoding.UTF_8 ? "" : encoding + " ")
                    + (padTo > 0 ? "padded to " + padTo + " bytes " : "")
                    + abbreviate(text, 700);
        }
    }

    /**
     * A generated request. Path segments such as {@code {project:2}} and {@code {arrival:2}} name the projects of
     * the run; every other segment is sent as it is (percent-encoded).
     */
    record Probe(
            HttpMethod method,
            String path,
            List<String> segments,
            List<Map.Entry<String, String>> query,
            Caller caller,
            String contentType,
            Map<String, String> headers,
            Body body,
            boolean chunked) {

        int bodyBytes() {
            return body == null ? 0 : body.size();
        }

        URI uri(BadInputIT run) {
            Object[] values = segments.stream().map(run::resolve).toArray();
            var builder = URIS.uriString(path);
            Map<String, Object> variables = new LinkedHashMap<>();
            List<String> names = variableNames(path);
            for (int i = 0; i < names.size(); i++) {
                variables.put(names.get(i), values[i]);
            }
            for (int i = 0; i < query.size(); i++) {
                builder.queryParam(query.get(i).getKey(), "{q" + i + "}");
                variables.put("q" + i, query.get(i).getValue());
            }
            return builder.build(variables);
        }

        AbstractMockHttpServletRequestBuilder<?> request(BadInputIT run) {
            Sent request = new Sent(method, chunked).uri(uri(run));
            request.with(
                    caller == Caller.BUREAU_WITH_PASSWORD
                            ? httpBasic(caller.user, caller.user + "-demo")
                            : user(caller.user).roles(caller.role));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            if (body != null) {
                request.content(body.bytes());
            }
            return request;
        }

        String resolved(BadInputIT run) {
            return "%s %s as %s%s%s%s%n  body:     %s"
                    .formatted(
                            method,
                            uri(run),
                            caller,
                            contentType == null ? " (no Content-Type)" : " Content-Type: " + contentType,
                            headers.isEmpty() ? "" : " " + abbreviate(headers.toString(), 300),
                            chunked ? " (chunked)" : "",
                            body == null ? "(none)" : body);
        }

        @Override
        public String toString() {
            String values = segments.isEmpty()
                    ? ""
                    : " "
                            + segments.stream()
                                    .map(segment -> abbreviate(segment, 120))
                                    .collect(Collectors.joining(", ", "[", "]"));
            return "%s %s%s%s as %s ct=%s %s%s body=%s"
                    .formatted(
                            method,
                            path,
                            values,
                            query.isEmpty() ? "" : " ?" + abbreviate(query.toString(), 300),
                            caller,
                            contentType,
                            abbreviate(headers.toString(), 300),
                            chunked ? " chunked" : "",
                            body);
        }
    }

    private static List<String> variableNames(String path) {
        List<String> names = new ArrayList<>();
        for (int open = path.indexOf('{'); open >= 0; open = path.indexOf('{', open + 1)) {
            names.add(path.substring(open + 1, path.indexOf('}', open)));
        }
        return names;
    }

    /** Builds requests whose body length is announced (as usual) or not (as with a chunked body). */
    static final class Sent extends AbstractMockHttpServletRequestBuilder<Sent> {

        private final boolean chunked;

        Sent(HttpMethod method, boolean chunked) {
            super(method);
            this.chunked = chunked;
        }

        @Override
        protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
            if (!chunked) {
                return super.createServletRequest(servletContext);
            }
            return new MockHttpServletRequest(servletContext) {
                @Override
                public int getContentLength() {
                    return -1;
                }

                @Override
                public long getContentLengthLong() {
                    return -1;
                }
            };
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Generators of whole requests.

    @Provide
    Arbitrary<Probe> zoneRegistrations() {
        Arbitrary<String> body = object(
                field("id", validSlug("bi-"), Arbitraries.just(quote(ZONE)), weirdSlug()),
                field("name", text(), weirdText()),
                field("city", Arbitraries.of(quote(CITY), quote("bi-city-2")), validSlug("bi-c-"), weirdSlug()));
        return write(HttpMethod.POST, "/api/zones", Arbitraries.just(List.of()), body, false);
    }

    @Provide
    Arbitrary<Probe> targets() {
        Arbitrary<List<String>> segments =
                Combinators.combine(zoneSegment(), yearSegment()).as(List::of);
        Arbitrary<String> body = object(
                field("contractInvestmentCny", money(), weirdNumber()),
                field("foreignCapitalUsd", money(), weirdNumber()),
                field("projectCount", count(), weirdNumber()));
        return write(HttpMethod.PUT, "/api/zones/{zoneId}/targets/{year}", segments, body, false);
    }

    @Provide
    Arbitrary<Probe> signings() {
        Arbitrary<String> investor = object(
                field("name", text(), weirdText()),
                field("country", Arbitraries.of("\"JP\"", "\"CN\"", "\"US\"", "\"DE\""), weirdCountry()),
                field("top500", enumValue("GLOBAL", "CHINA", "CHINA_PRIVATE", null), weirdEnum()));
        Arbitrary<String> body = object(
                field("zoneId", Arbitraries.just(quote(ZONE)), validSlug("bi-unknown-"), weirdSlug()),
                field("name", text(), weirdText()),
                field("investor", investor, anyValue()),
                field("industry", industry(), weirdEnum()),
                field("signedOn", pastDate(), weirdDate()),
                field("contractInvestmentCny", money(), weirdNumber()),
                field("expectedAnnualTaxCny", moneyOrZero(), weirdNumber()),
                field("landAreaMu", area(), weirdNumber()));
        return write(HttpMethod.POST, "/api/projects", Arbitraries.just(List.of()), body, false);
    }

    @Provide
    Arbitrary<Probe> landings() {
        return command("landing", object(field("landedOn", pastDate(), weirdDate())));
    }

    @Provide
    Arbitrary<Probe> productions() {
        return command("production", object(field("startedOn", pastDate(), weirdDate())));
    }

    @Provide
    Arbitrary<Probe> arrivals() {
        return command(
                "capital-arrivals",
                object(
                        field("arrivedOn", pastDate(), weirdDate()),
                        field("kind", enumValue("FOREIGN", "DOMESTIC"), weirdEnum()),
                        field("amount", money(), weirdNumber())));
    }

    @Provide
    Arbitrary<Probe> retractions() {
        Arbitrary<List<String>> segments =
                Combinators.combine(projectSegment(), arrivalSegment()).as(List::of);
        return write(
                HttpMethod.POST,
                "/api/projects/{id}/capital-arrivals/{arrivalId}/retraction",
                segments,
                object(field("reason", reason(), weirdText())),
                true);
    }

    @Provide
    Arbitrary<Probe> amendments() {
        return command(
                "amendments",
                object(
                        field("amendedOn", pastDate(), weirdDate()),
                        field("contractInvestmentCny", money(), weirdNumber()),
                        field("reason", reason(), weirdText())));
    }

    @Provide
    Arbitrary<Probe> corrections() {
        return command(
                "signing-correction",
                object(
                        field("signedOn", pastDate(), weirdDate()),
                        field("contractInvestmentCny", money(), weirdNumber()),
                        field("top500", enumValue("GLOBAL", "CHINA", "CHINA_PRIVATE", null), weirdEnum()),
                        field("industry", industry(), weirdEnum()),
                        field("reason", reason(), weirdText())));
    }

    @Provide
    Arbitrary<Probe> terminations() {
        return command(
                "termination",
                object(field("terminatedOn", pastDate(), weirdDate()), field("reason", reason(), weirdText())));
    }

    @Provide
    Arbitrary<Probe> projectLists() {
        Arbitrary<List<Map.Entry<String, String>>> query = parameters(
                parameter(
                        "zoneId",
                        Arbitraries.of(ZONE, "bi-nowhere", "songmu"),
                        weirdSlug().map(BadInputIT::unquote)),
                parameter("stage", Arbitraries.of("SIGNED", "LANDED", "IN_PRODUCTION", "TERMINATED"), weirdWord()),
                parameter(
                        "signedYear", Arbitraries.integers().between(1990, 2100).map(String::valueOf), weirdInteger()),
                parameter("page", Arbitraries.integers().between(0, 3).map(String::valueOf), weirdInteger()),
                parameter("size", Arbitraries.integers().between(1, 500).map(String::valueOf), weirdInteger()));
        return read(Arbitraries.just("/api/projects"), Arbitraries.just(List.of()), query, readers());
    }

    @Provide
    Arbitrary<Probe> singleReads() {
        Arbitrary<Probe> project = read(
                Arbitraries.of("/api/projects/{id}", "/api/projects/{id}/history"),
                projectSegment().map(List::of),
                noQuery(),
                readers());
        Arbitrary<Probe> target = read(
                Arbitraries.just("/api/zones/{zoneId}/targets/{year}"),
                Combinators.combine(zoneSegment(), yearSegment()).as(List::of),
                noQuery(),
                readers());
        return Arbitraries.oneOf(project, target);
    }

    @Provide
    Arbitrary<Probe> reports() {
        Arbitrary<List<Map.Entry<String, String>>> query = parameters(
                parameter(
                        "asOf", pastDate().map(BadInputIT::unquote), weirdDate().map(BadInputIT::unquote)),
                parameter(
                        "knownAt",
                        Arbitraries.of(
                                "2024-01-05T00:00:00Z",
                                "2023-06-01T08:00:00+08:00",
                                "1970-01-01T00:00:00Z",
                                "2100-01-01T00:00:00Z",
                                TODAY + "T00:00:00.123456789+08:00"),
                        weirdInstant()),
                parameter("atPosition", Arbitraries.longs().between(0, 200).map(String::valueOf), weirdInteger()));
        Arbitrary<Probe> zone = read(
                Arbitraries.of(
                        "/api/reports/zones/{zoneId}/years/{year}",
                        "/api/reports/zones/{zoneId}/years/{year}/monthly",
                        "/api/reports/zones/{zoneId}/years/{year}/industries",
                        "/api/reports/zones/{zoneId}/years/{year}/pipeline",
                        "/api/reports/zones/{zoneId}/years/{year}/top500"),
                Combinators.combine(zoneSegment(), yearSegment()).as(List::of),
                query,
                readers());
        Arbitrary<String> city = weighted(
                Tuple.of(70, Arbitraries.just(CITY)),
                Tuple.of(10, Arbitraries.of("hengyang", "nowhere")),
                Tuple.of(20, weirdSegment()));
        Arbitrary<Probe> cities = read(
                Arbitraries.just("/api/reports/cities/{city}/years/{year}"),
                Combinators.combine(city, yearSegment()).as(List::of),
                query,
                readers());
        return weighted(Tuple.of(80, zone), Tuple.of(20, cities));
    }

    @Provide
    Arbitrary<Probe> auditPages() {
        Arbitrary<List<Map.Entry<String, String>>> query = parameters(
                parameter("after", Arbitraries.longs().between(0, 5000).map(String::valueOf), weirdInteger()),
                parameter("limit", Arbitraries.integers().between(1, 1000).map(String::valueOf), weirdInteger()));
        Arbitrary<Caller> callers = weighted(
                Tuple.of(90, Arbitraries.just(Caller.AUDITOR)),
                Tuple.of(5, Arbitraries.just(Caller.BUREAU)),
                Tuple.of(5, Arbitraries.just(Caller.LEADER)));
        return read(Arbitraries.just("/api/audit/events"), Arbitraries.just(List.of()), query, callers);
    }

    @Provide
    Arbitrary<Probe> aroundOneMegabyte() {
        // Valid commands padded with whitespace: below the limit they may succeed, above it they must be refused
        // unread. A body broken from its first bytes is refused by its announced length only: sent chunked, it is
        // rightly answered 400 before the limit is reached.
        Arbitrary<Tuple2<String, String>> valid = Arbitraries.of(
                Tuple.of("/api/zones", "{\"id\": \"bi-big\", \"name\": \"大\", \"city\": \"bi-city\"}"),
                Tuple.of("/api/zones/{zoneId}/targets/2024", "{\"projectCount\": 20}"),
                Tuple.of("/api/projects", Api.signing(ZONE)),
                Tuple.of("/api/projects/{project:0}/landing", "{\"landedOn\": \"2023-07-01\"}"),
                Tuple.of("/api/projects/{project:1}/production", "{\"startedOn\": \"2023-10-01\"}"),
                Tuple.of(
                        "/api/projects/{project:4}/capital-arrivals",
                        "{\"arrivedOn\": \"2023-06-01\", \"kind\": \"DOMESTIC\", \"amount\": 1}"),
                Tuple.of(
                        "/api/projects/{project:2}/amendments",
                        "{\"amendedOn\": \"2023-07-01\", \"contractInvestmentCny\": 1600000000, \"reason\": \"增资\"}"),
                Tuple.of(
                        "/api/projects/{project:4}/signing-correction",
                        "{\"industry\": \"OTHER\", \"reason\": \"录入错误\"}"),
                Tuple.of("/api/projects/{project:0}/capital-arrivals/{arrival:0}/retraction", "{\"reason\": \"录入错误\"}"),
                Tuple.of(
                        "/api/projects/{project:4}/termination",
                        "{\"terminatedOn\": \"2023-10-01\", \"reason\": \"撤资\"}"));
        Arbitrary<Integer> size = weighted(
                Tuple.of(70, Arbitraries.integers().between(LIMIT + 1, LIMIT + 4096)),
                Tuple.of(15, Arbitraries.integers().between(LIMIT - 4096, LIMIT)),
                Tuple.of(15, Arbitraries.of(LIMIT, LIMIT + 1, LIMIT * 3)));
        Arbitrary<Probe> padded = Combinators.combine(valid, size, Arbitraries.of(true, false))
                .as((request, bytes, chunked) -> oversize(request.get1(), request.get2(), bytes, chunked));
        Arbitrary<Probe> brokenAtOnce = Combinators.combine(
                        valid, size, Arbitraries.of("[\"\"]", "{\"unknown\": 1}", "<a></a>"))
                .as((request, bytes, json) -> oversize(request.get1(), json, bytes, false));
        return weighted(Tuple.of(80, padded), Tuple.of(20, brokenAtOnce));
    }

    private static Probe oversize(String template, String json, int bytes, boolean chunked) {
        List<String> segments = variableNames(template).stream()
                .map(name -> name.equals("zoneId") ? ZONE : "{" + name + "}")
                .toList();
        String path = template.replaceAll("\\{(project|arrival):\\d}", "{$1}");
        HttpMethod method = template.contains("/targets/") ? HttpMethod.PUT : HttpMethod.POST;
        return new Probe(
                method,
                path,
                segments,
                List.of(),
                method == HttpMethod.PUT ? Caller.REVIEWER : Caller.BUREAU,
                "application/json",
                Map.of(),
                new Body(json, Encoding.UTF_8, bytes),
                chunked);
    }

    private Arbitrary<Probe> command(String action, Arbitrary<String> body) {
        return write(
                HttpMethod.POST,
                "/api/projects/{id}/" + action,
                projectSegment().map(List::of),
                body,
                true);
    }

    private static Arbitrary<Probe> write(
            HttpMethod method,
            String path,
            Arbitrary<List<String>> segments,
            Arbitrary<String> json,
            boolean onProject) {
        // targets are the reviewer's to set (governance.md §2), everything else the bureau's
        Caller writer = path.contains("/targets/") ? Caller.REVIEWER : Caller.BUREAU;
        Arbitrary<Caller> callers = weighted(
                Tuple.of(95, Arbitraries.just(writer)),
                Tuple.of(1, Arbitraries.just(Caller.BUREAU_WITH_PASSWORD)),
                Tuple.of(2, Arbitraries.just(Caller.LEADER)),
                Tuple.of(2, Arbitraries.just(Caller.AUDITOR)));
        return Combinators.combine(segments, callers, contentType(), headers(onProject), body(json), chunked())
                .as((values, caller, type, headers, body, chunked) ->
                        new Probe(method, path, values, List.of(), caller, type, headers, body, chunked));
    }

    private static Arbitrary<Probe> read(
            Arbitrary<String> path,
            Arbitrary<List<String>> segments,
            Arbitrary<List<Map.Entry<String, String>>> query,
            Arbitrary<Caller> callers) {
        Arbitrary<Map<String, String>> accept = weighted(
                Tuple.of(90, Arbitraries.just(Map.of())),
                Tuple.of(
                        10,
                        Arbitraries.of(
                                        "application/json",
                                        "application/xml",
                                        "text/html",
                                        "application/problem+json",
                                        "*/*",
                                        "text/plain",
                                        "garbage/",
                                        "application/json;q=0")
                                .map(value -> Map.of("Accept", value))));
        return Combinators.combine(path, segments, query, callers, accept)
                .as((template, values, parameters, caller, headers) ->
                        new Probe(HttpMethod.GET, template, values, parameters, caller, null, headers, null, false));
    }

    private static Arbitrary<Caller> readers() {
        return weighted(
                Tuple.of(85, Arbitraries.just(Caller.BUREAU)),
                Tuple.of(8, Arbitraries.just(Caller.LEADER)),
                Tuple.of(6, Arbitraries.just(Caller.AUDITOR)),
                Tuple.of(1, Arbitraries.just(Caller.BUREAU_WITH_PASSWORD)));
    }

    private static Arbitrary<Boolean> chunked() {
        return weighted(Tuple.of(95, Arbitraries.just(false)), Tuple.of(5, Arbitraries.just(true)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Path segments, headers, content types and query parameters.

    private static Arbitrary<String> projectSegment() {
        return weighted(
                Tuple.of(82, Arbitraries.integers().between(0, SLOTS - 1).map(slot -> "{project:" + slot + "}")),
                Tuple.of(5, Arbitraries.strings().withChars("0123456789abcdef-").ofLength(36)),
                Tuple.of(13, weirdSegment()));
    }

    private static Arbitrary<String> arrivalSegment() {
        return weighted(
                Tuple.of(82, Arbitraries.integers().between(0, SLOTS - 1).map(slot -> "{arrival:" + slot + "}")),
                Tuple.of(5, Arbitraries.strings().withChars("0123456789abcdef-").ofLength(36)),
                Tuple.of(13, weirdSegment()));
    }

    private static Arbitrary<String> zoneSegment() {
        return weighted(
                Tuple.of(75, Arbitraries.just(ZONE)),
                Tuple.of(10, validSlug("bi-nowhere-").map(BadInputIT::unquote)),
                Tuple.of(15, weirdSegment()));
    }

    private static Arbitrary<String> yearSegment() {
        return weighted(
                Tuple.of(40, Arbitraries.of("2023", String.valueOf(TODAY.getYear()))),
                Tuple.of(30, Arbitraries.integers().between(1990, 2100).map(String::valueOf)),
                Tuple.of(30, weirdInteger()));
    }

    /** Odd path segments: Unicode, control characters, very long, or characters that paths treat specially. */
    private static Arbitrary<String> weirdSegment() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        " ",
                        "null",
                        "undefined",
                        "0",
                        "-1",
                        "😀",
                        "\u202Eevil",
                        "مرحبا",
                        "中文",
                        "a\u0000b",
                        "\u0007",
                        "\uFEFF",
                        "..",
                        ".",
                        "a.json",
                        "a;b",
                        "a/b",
                        "a\\b",
                        "%",
                        "%2F",
                        "?x=1",
                        "#x",
                        "x".repeat(300),
                        "中".repeat(2000),
                        "' OR 1=1 --"),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30));
    }

    private static Arbitrary<String> contentType() {
        return weighted(
                Tuple.of(72, Arbitraries.just("application/json")),
                Tuple.of(5, Arbitraries.just("application/json;charset=UTF-8")),
                Tuple.of(
                        19,
                        Arbitraries.of(
                                "application/json; charset=utf-16",
                                "application/json;charset=ISO-8859-1",
                                "application/json;charset=x-bogus",
                                "application/problem+json",
                                "application/vnd.api+json",
                                "text/plain",
                                "text/plain;charset=UTF-8",
                                "application/xml",
                                "text/xml",
                                "application/x-www-form-urlencoded",
                                "multipart/form-data; boundary=----x",
                                "multipart/form-data",
                                "application/octet-stream",
                                "*/*",
                                "application/*",
                                "garbage",
                                "application/json;;",
                                "",
                                "application/json; charset=\"UTF-8\"")),
                Tuple.of(4, Arbitraries.just((String) null)));
    }

    private static Arbitrary<Map<String, String>> headers(boolean onProject) {
        Arbitrary<String> key = weighted(
                Tuple.of(80, Arbitraries.just((String) null)),
                Tuple.of(8, Arbitraries.of("bi-key-1", "bi-key-2", "bi-key-3")),
                Tuple.of(
                        5,
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .ofMinLength(8)
                                .ofMaxLength(40)
                                .map(k -> "bi-" + k)),
                Tuple.of(
                        7,
                        Arbitraries.of(
                                " ",
                                "",
                                "x".repeat(200),
                                "x".repeat(201),
                                "键😀",
                                "caf\u00e9\u0085",
                                "a\u0007b",
                                "\u00A0",
                                "bi-\uFFFF")));
        Arbitrary<String> ifMatch = weighted(
                Tuple.of(80, Arbitraries.just((String) null)),
                Tuple.of(
                        20,
                        Arbitraries.of(
                                "*",
                                "\"0\"",
                                "\"1\"",
                                "\"2\"",
                                "\"3\"",
                                "W/\"1\"",
                                "abc",
                                "\"\"",
                                "\"99999999999999999999\"",
                                "\"-1\"",
                                "1, 2",
                                " ",
                                "\"1\", \"2\"",
                                "😀")));
        Arbitrary<String> accept = weighted(
                Tuple.of(90, Arbitraries.just((String) null)),
                Tuple.of(
                        10,
                        Arbitraries.of(
                                "application/json",
                                "application/xml",
                                "text/html",
                                "text/plain",
                                "application/problem+json",
                                "*/*",
                                "garbage/")));
        return Combinators.combine(key, ifMatch, accept).as((k, version, wanted) -> {
            Map<String, String> headers = new TreeMap<>();
            if (k != null) {
                headers.put("Idempotency-Key", k);
            }
            if (version != null && onProject) {
                headers.put("If-Match", version);
            }
            if (wanted != null) {
                headers.put("Accept", wanted);
            }
            return headers;
        });
    }

    private record Parameter(String name, Arbitrary<String> valid, Arbitrary<String> weird) {}

    private static Parameter parameter(String name, Arbitrary<String> valid, Arbitrary<String> weird) {
        return new Parameter(name, valid, weird);
    }

    private static Arbitrary<List<Map.Entry<String, String>>> noQuery() {
        return Arbitraries.just(List.of());
    }

    /** Each parameter absent, valid or odd, now and then given twice; sometimes an unknown parameter too. */
    private static Arbitrary<List<Map.Entry<String, String>>> parameters(Parameter... parameters) {
        List<Arbitrary<List<Map.Entry<String, String>>>> each = new ArrayList<>();
        for (Parameter parameter : parameters) {
            Arbitrary<String> value = weighted(Tuple.of(65, parameter.valid()), Tuple.of(35, parameter.weird()));
            Arbitrary<List<Map.Entry<String, String>>> present =
                    value.map(v -> List.<Map.Entry<String, String>>of(Map.entry(parameter.name(), v)));
            Arbitrary<List<Map.Entry<String, String>>> twice = Combinators.combine(value, value)
                    .as((first, second) -> List.<Map.Entry<String, String>>of(
                            Map.entry(parameter.name(), first), Map.entry(parameter.name(), second)));
            each.add(weighted(Tuple.of(40, Arbitraries.just(List.of())), Tuple.of(57, present), Tuple.of(3, twice)));
        }
        Arbitrary<List<Map.Entry<String, String>>> unknown = weighted(
                Tuple.of(92, Arbitraries.just(List.of())),
                Tuple.of(
                        8,
                        Combinators.combine(Arbitraries.of("sort", "x", "", "zoneid", "页"), weirdWord())
                                .as((name, value) -> List.<Map.Entry<String, String>>of(Map.entry(name, value)))));
        each.add(unknown);
        return Combinators.combine(each)
                .as(lists -> lists.stream().flatMap(List::stream).toList());
    }

    // ---------------------------------------------------------------------------------------------------------
    // JSON bodies: objects whose fields are each valid, odd, null or missing, with extra or repeated fields,
    // sometimes broken as a whole or sent in another encoding.

    private record Field(String name, Arbitrary<String> valid, Arbitrary<String> weird) {}

    private static Field field(String name, Arbitrary<String> valid, Arbitrary<String> weird) {
        return new Field(name, valid, weird);
    }

    private static Field field(
            String name, Arbitrary<String> valid, Arbitrary<String> alsoValid, Arbitrary<String> weird) {
        return new Field(name, weighted(Tuple.of(80, valid), Tuple.of(20, alsoValid)), weird);
    }

    private static final String ABSENT = "\u0000absent";

    private static Arbitrary<String> object(Field... fields) {
        List<Arbitrary<String>> members = new ArrayList<>();
        for (Field field : fields) {
            String key = quote(field.name()) + ": ";
            members.add(weighted(
                    Tuple.of(78, field.valid().map(value -> key + value)),
                    Tuple.of(12, field.weird().map(value -> key + value)),
                    Tuple.of(4, Arbitraries.just(key + "null")),
                    Tuple.of(6, Arbitraries.just(ABSENT))));
        }
        Arbitrary<String> extra = weighted(
                Tuple.of(90, Arbitraries.just(ABSENT)),
                Tuple.of(
                        7,
                        Combinators.combine(
                                        Arbitraries.of(
                                                "extra",
                                                "ID",
                                                "Name",
                                                "zoneID",
                                                "",
                                                "😀",
                                                "version",
                                                "stage",
                                                "top500Corrected",
                                                "anythingCorrected",
                                                "recordedBy",
                                                "__proto__",
                                                "@class"),
                                        anyValue())
                                .as((name, value) -> quote(name) + ": " + value)),
                Tuple.of(3, Arbitraries.integers().between(0, fields.length - 1).flatMap(i -> fields[i]
                        .weird()
                        .map(value -> quote(fields[i].name()) + ": " + value))));
        members.add(extra);
        return Combinators.combine(members).as(parts -> parts.stream()
                .filter(part -> !part.equals(ABSENT))
                .collect(Collectors.joining(", ", "{", "}")));
    }

    private static Arbitrary<Body> body(Arbitrary<String> json) {
        Arbitrary<String> text = Combinators.combine(json, breakage()).as((whole, broken) -> broken.apply(whole));
        Arbitrary<Encoding> encoding = weighted(
                Tuple.of(90, Arbitraries.just(Encoding.UTF_8)),
                Tuple.of(3, Arbitraries.just(Encoding.UTF_16)),
                Tuple.of(3, Arbitraries.just(Encoding.LATIN_1)),
                Tuple.of(4, Arbitraries.just(Encoding.BROKEN_UTF_8)));
        Arbitrary<Body> some = Combinators.combine(text, encoding).as((t, e) -> new Body(t, e, 0));
        return weighted(Tuple.of(97, some), Tuple.of(3, Arbitraries.just((Body) null)));
    }

    /** How a JSON text gets broken: not at all (mostly), cut, spliced, wrapped, or replaced by something else. */
    private interface Breakage {
        String apply(String json);
    }

    private static Arbitrary<Breakage> breakage() {
        Arbitrary<Breakage> cut =
                Arbitraries.doubles().between(0, 1).map(at -> json -> json.substring(0, (int) (json.length() * at)));
        Arbitrary<Breakage> splice = Combinators.combine(
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.strings().all().ofMinLength(1).ofMaxLength(3))
                .as((at, inserted) -> json -> {
                    int position = (int) (json.length() * at);
                    return json.substring(0, position) + inserted + json.substring(position);
                });
        Arbitrary<Breakage> wrap = Arbitraries.<Breakage>of(
                json -> "[" + json + "]",
                json -> json + json,
                json -> json + " x",
                json -> json + "}",
                json -> json + ",",
                json -> json + "\u0000",
                json -> "\uFEFF" + json,
                json -> "/* c */" + json,
                json -> json.replace('"', '\''),
                json -> json.replace("\": ", "\"= "),
                json -> json.replaceAll("\"([A-Za-z0-9]+)\": ", "$1: "));
        Arbitrary<Breakage> replace = Arbitraries.oneOf(
                        Arbitraries.of(
                                "",
                                " ",
                                "\n",
                                "null",
                                "[]",
                                "{}",
                                "\"\"",
                                "0",
                                "true",
                                "{\"\"}",
                                "{",
                                "}",
                                "{\"a\"",
                                "[".repeat(5000) + "]".repeat(5000),
                                "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                                "<xml/>",
                                "<?xml version=\"1.0\"?><a>1</a>",
                                "a=b&c=d",
                                "{\"a\": \"" + "\\u0041".repeat(20000) + "\"}",
                                "{\"a\": " + "1".repeat(5000) + "}"),
                        Arbitraries.strings().all().ofMaxLength(200))
                .map(replacement -> json -> replacement);
        return weighted(
                Tuple.of(70, Arbitraries.just(json -> json)),
                Tuple.of(7, cut),
                Tuple.of(6, splice),
                Tuple.of(8, wrap),
                Tuple.of(9, replace));
    }

    // ---------------------------------------------------------------------------------------------------------
    // JSON values (as JSON text).

    private static Arbitrary<String> validSlug(String prefix) {
        return Arbitraries.strings()
                .withChars("abcdefghijklmnopqrstuvwxyz0123456789-")
                .ofMinLength(1)
                .ofMaxLength(40 - prefix.length())
                .map(slug -> quote(prefix + slug));
    }

    private static Arbitrary<String> weirdSlug() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "Song Mu", "UPPER", "衡阳", "a_b", "-", "x".repeat(41), "bi-zone\n", " bi-zone")
                        .map(BadInputIT::quote),
                weirdText(),
                weirdNumber(),
                wrongType());
    }

    private static Arbitrary<String> text() {
        return weighted(
                Tuple.of(
                        60,
                        Arbitraries.of("日本触媒新材料项目", "Acme GmbH", "衡阳松木经济开发区", "x", "株式会社 日本触媒 (Japan)")
                                .map(BadInputIT::quote)),
                Tuple.of(
                        25,
                        Arbitraries.strings()
                                .alpha()
                                .numeric()
                                .withChars(" -·中文")
                                .ofMinLength(1)
                                .ofMaxLength(200)
                                .filter(s -> !s.isBlank())
                                .map(BadInputIT::quote)),
                Tuple.of(
                        15,
                        Arbitraries.of("x".repeat(200), "界".repeat(200), "😀 emoji 😀", "مرحبا بالعالم")
                                .map(BadInputIT::quote)));
    }

    private static Arbitrary<String> reason() {
        return weighted(
                Tuple.of(
                        80,
                        Arbitraries.of("录入错误", "重复录入 / entered twice", "增资", "投资方撤资", "r")
                                .map(BadInputIT::quote)),
                Tuple.of(
                        20,
                        Arbitraries.of("x".repeat(1000), "理".repeat(1000), "😀").map(BadInputIT::quote)));
    }

    private static Arbitrary<String> weirdStringValue() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        " ",
                        "\t",
                        "\u3000",
                        "\u00A0",
                        "\u200B",
                        "\uFEFF",
                        "\u2028",
                        " \u3000\u2003 ",
                        "null",
                        "😀",
                        "👨‍👩‍👧‍👦",
                        "🇨🇳",
                        "\u202Eevil\u202C",
                        "مرحبا بالعالم",
                        "שלום",
                        "\u0000",
                        "a\u0000b",
                        "\u0007",
                        "\u001B[31mred",
                        "\r\n",
                        "\uD800",
                        "\uDC00x",
                        "x\uD83D",
                        "\uFFFF",
                        "\uFFFE",
                        "e\u0301\u0301\u0301",
                        "Ｆｕｌｌｗｉｄｔｈ",
                        "' OR 1=1 --",
                        "<script>alert(1)</script>",
                        "${jndi:ldap://x/a}",
                        "%s%n%x",
                        "../../etc/passwd",
                        "\\",
                        "\"",
                        "{\"a\":1}",
                        "x".repeat(201),
                        "x".repeat(1001),
                        "a".repeat(10_000),
                        "中".repeat(10_000),
                        "😀".repeat(5_000),
                        "\u202E".repeat(10_000)),
                Arbitraries.strings().all().ofMaxLength(40));
    }

    private static Arbitrary<String> weirdText() {
        return weighted(Tuple.of(80, weirdStringValue().map(BadInputIT::quote)), Tuple.of(20, wrongType()));
    }

    private static Arbitrary<String> weirdWord() {
        return Arbitraries.oneOf(
                weirdStringValue(),
                Arbitraries.of("signed", "Signed", "SIGNED ", "0", "1", "-1", "2147483648", "", "null", "[]", "{}"));
    }

    private static Arbitrary<String> weirdCountry() {
        return Arbitraries.oneOf(
                Arbitraries.of("jp", "JPN", "J", "", "日本", "1A", "ＪＰ", "J\u0000")
                        .map(BadInputIT::quote),
                weirdText());
    }

    private static Arbitrary<String> industry() {
        return enumValue(
                "SALT_CHEMICAL",
                "FINE_CHEMICAL",
                "NEW_ENERGY",
                "NEW_MATERIALS",
                "ADVANCED_EQUIPMENT",
                "ELECTRONIC_INFORMATION",
                "LOGISTICS",
                "OTHER");
    }

    private static Arbitrary<String> enumValue(String... values) {
        return Arbitraries.of(values).map(value -> value == null ? "null" : quote(value));
    }

    private static Arbitrary<String> weirdEnum() {
        return Arbitraries.oneOf(
                Arbitraries.of("global", "Foreign", " FOREIGN", "FOREIGN ", "UNKNOWN", "", "null", "GLOBAL,CHINA")
                        .map(BadInputIT::quote),
                Arbitraries.of("0", "1", "7", "8", "-1", "99", "1.5", "true"),
                weirdText());
    }

    private static Arbitrary<String> pastDate() {
        long days = ChronoUnit.DAYS.between(SIGNED_ON, TODAY);
        return weighted(
                Tuple.of(
                        80,
                        Arbitraries.longs()
                                .between(0, days)
                                .map(d -> quote(SIGNED_ON.plusDays(d).toString()))),
                Tuple.of(
                        10, Arbitraries.of(TODAY, TODAY.minusDays(1), SIGNED_ON).map(d -> quote(d.toString()))),
                Tuple.of(
                        10,
                        Arbitraries.longs()
                                .between(1, 20_000)
                                .map(d -> quote(SIGNED_ON.minusDays(d).toString()))));
    }

    private static Arbitrary<String> weirdDate() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                                TODAY.plusDays(1).toString(),
                                TODAY.plusYears(1).toString(),
                                "2023-02-29",
                                "2023-02-30",
                                "2023-13-01",
                                "2023-00-10",
                                "2023-1-5",
                                "20230105",
                                "2023/01/05",
                                "05.01.2023",
                                "2023-01-05T00:00:00",
                                "2023-01-05T00:00:00Z",
                                "2023-01-05Z",
                                "+10000-01-01",
                                "+999999999-12-31",
                                "-999999999-01-01",
                                "-0001-01-01",
                                "0000-01-01",
                                "0001-01-01",
                                "9999-12-31",
                                "",
                                " 2023-01-05",
                                "２０２３-０１-０５",
                                "yesterday",
                                "NaN")
                        .map(BadInputIT::quote),
                Arbitraries.of("20230105", "[2023, 1, 5]", "[2023, 13, 5]", "[2023]", "[]", "1672876800000", "-1"),
                weirdText());
    }

    private static Arbitrary<String> weirdInstant() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "+999999999-12-31T23:59:59.999999999-18:00",
                        "-999999999-01-01T00:00:00+18:00",
                        "+10000-01-01T00:00:00Z",
                        "0000-01-01T00:00:00Z",
                        "2024-01-05T00:00:00",
                        "2024-01-05",
                        "2024-01-05T00:00:00+25:00",
                        "2024-01-05T25:00:00Z",
                        "2024-01-05 00:00:00Z",
                        "2024-01-05T00:00:00 08:00",
                        "1704412800",
                        "now",
                        "",
                        "2024-01-05T00:00:00.1234567891Z",
                        "2024-01-05T00:00:00Z[Asia/Shanghai]"),
                weirdStringValue());
    }

    private static Arbitrary<String> weirdInteger() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        " ",
                        "-1",
                        "0",
                        "1989",
                        "2101",
                        "2147483647",
                        "2147483648",
                        "-2147483649",
                        "9223372036854775807",
                        "9223372036854775808",
                        "-9223372036854775808",
                        "99999999999999999999",
                        "1.5",
                        "1e3",
                        "0x10",
                        "+1",
                        "01",
                        "１",
                        "२०२३",
                        "NaN",
                        "abc"),
                weirdStringValue());
    }

    private static Arbitrary<String> money() {
        return weighted(
                Tuple.of(
                        50,
                        Arbitraries.of(
                                "1500000000",
                                "1000000",
                                "100.5",
                                "0.01",
                                "1",
                                "999999999999999.99",
                                "1E+2",
                                "100.10",
                                "2.50")),
                Tuple.of(
                        50,
                        Arbitraries.bigDecimals()
                                .between(new BigDecimal("0.01"), new BigDecimal("999999999999999.99"))
                                .ofScale(2)
                                .map(BigDecimal::toPlainString)));
    }

    private static Arbitrary<String> moneyOrZero() {
        return weighted(Tuple.of(10, Arbitraries.of("0", "0.00")), Tuple.of(90, money()));
    }

    private static Arbitrary<String> area() {
        return weighted(
                Tuple.of(80, Arbitraries.of("200", "0.01", "999999999.99", "35.5")),
                Tuple.of(
                        20,
                        Arbitraries.bigDecimals()
                                .between(new BigDecimal("0.01"), new BigDecimal("999999999.99"))
                                .ofScale(2)
                                .map(BigDecimal::toPlainString)));
    }

    private static Arbitrary<String> count() {
        return Arbitraries.integers().between(1, 1_000_000).map(String::valueOf);
    }

    private static Arbitrary<String> weirdNumber() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "1e400",
                        "-1e400",
                        "1e-400",
                        "-0",
                        "0",
                        "-0.0",
                        "0.0",
                        "0.001",
                        "0.005",
                        "-1",
                        "-0.01",
                        "99999999999999999999",
                        "1000000000000000",
                        "999999999999999.999",
                        "1000001",
                        "1.0E15",
                        "1.5e-2",
                        "2147483648",
                        "-2147483649",
                        "9223372036854775808",
                        "1e2147483648",
                        "1e-2147483648",
                        "1e999999999",
                        "1e-999999999",
                        "NaN",
                        "-NaN",
                        "Infinity",
                        "-Infinity",
                        "+1",
                        "01",
                        ".5",
                        "5.",
                        "1e",
                        "0x10",
                        "1_000",
                        "1,000",
                        "\"NaN\"",
                        "\"100\"",
                        "\"1e3\"",
                        "\" 100 \"",
                        "\"\"",
                        "1" + "0".repeat(99),
                        "1" + "0".repeat(100),
                        "0." + "0".repeat(98) + "1",
                        "1.5",
                        "20.0"),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.bigDecimals()
                        .between(new BigDecimal("-1e20"), new BigDecimal("1e20"))
                        .ofScale(4)
                        .map(BigDecimal::toPlainString),
                wrongType());
    }

    private static Arbitrary<String> wrongType() {
        return Arbitraries.of(
                "null",
                "true",
                "false",
                "[]",
                "{}",
                "[1]",
                "[\"a\", 1]",
                "{\"a\": null}",
                "{\"value\": 1}",
                "\"\"",
                "[".repeat(2000) + "]".repeat(2000));
    }

    private static Arbitrary<String> anyValue() {
        return Arbitraries.oneOf(wrongType(), weirdNumber(), weirdText(), weirdDate());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers.

    private static String zoneBody(String id, String name, String city) {
        return "{\"id\": %s, \"name\": %s, \"city\": %s}".formatted(quote(id), quote(name), quote(city));
    }

    @SafeVarargs
    private static <T> Arbitrary<T> weighted(Tuple2<Integer, Arbitrary<? extends T>>... choices) {
        List<Tuple2<Integer, Arbitrary<T>>> list = new ArrayList<>();
        for (Tuple2<Integer, Arbitrary<? extends T>> choice : choices) {
            Arbitrary<T> widened = choice.get2().map(value -> value);
            list.add(Tuple.of(choice.get1(), widened));
        }
        return Arbitraries.frequencyOf(list);
    }

    /** A JSON string literal; control characters and unpaired surrogates escaped, everything else as it is. */
    static String quote(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (paired) {
                json.append(c).append(value.charAt(++i));
            } else if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                json.append("\\u%04x".formatted((int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String unquote(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node.isTextual() ? node.asText() : json;
        } catch (Exception notJson) {
            return json;
        }
    }

    /** Control and invisible characters as \\uXXXX, long text cut in the middle: readable failure reports. */
    static String escape(String text) {
        return text.codePoints()
                .mapToObj(c -> Character.isISOControl(c)
                                || Character.getType(c) == Character.FORMAT
                                || Character.getType(c) == Character.SURROGATE
                                || Character.getType(c) == Character.UNASSIGNED
                        ? "\\u%04x".formatted(c)
                        : Character.toString(c))
                .collect(Collectors.joining());
    }

    static String abbreviate(String text, int max) {
        if (text.length() <= max) {
            return escape(text);
        }
        int head = max * 2 / 3;
        int tail = max / 6;
        return escape(text.substring(0, head)) + "…[" + text.length() + " chars]…"
                + escape(text.substring(text.length() - tail));
    }
}
