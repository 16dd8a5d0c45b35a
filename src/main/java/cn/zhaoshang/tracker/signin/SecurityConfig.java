package cn.zhaoshang.tracker.signin;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.OPTIONS;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import cn.zhaoshang.tracker.signin.LoginLimits.TooManyLogins;
import cn.zhaoshang.tracker.web.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.expression.WebExpressionAuthorizationManager;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.ForwardAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Two doors with the same users and roles. The API ({@code /api/**}, its documentation and the actuator) takes
 * HTTP Basic without sessions; the pages take a login form, a session and a CSRF token on every form. Every path
 * is decided here: what is not listed is denied (a logged-in reader is told that a path no controller answers
 * does not exist, {@link UnknownPages}).
 *
 * <p>The roles of governance.md §2: BUREAU (招商局) records projects and submits months, REVIEWER (上级商务部门)
 * sets targets and reviews submissions, both set warning rules; LEADERSHIP (领导) reads; AUDITOR (审计) reads
 * everything and the audit; ADMIN (系统管理员) manages users and zones and sees no project data. Which zones each
 * may see is the scope's business ({@code access.ScopeGuard}), not this class's.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String BUREAU = "BUREAU";
    static final String REVIEWER = "REVIEWER";
    static final String LEADERSHIP = "LEADERSHIP";
    static final String AUDITOR = "AUDITOR";
    static final String ADMIN = "ADMIN";
    /** The metrics scraper's account (docs/operations.md): it reads /actuator/prometheus and nothing else. */
    static final String MONITORING = "MONITORING";

    /** The roles that read project data (in their scope); ADMIN alone sees places and users, no projects. */
    private static final String[] READERS = {BUREAU, REVIEWER, LEADERSHIP, AUDITOR};

    /**
     * The pages load scripts, styles and ECharts from this server only and run no inline script (the dashboard's
     * data travels in a JSON block), so an injected script tag or handler runs nowhere.
     */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            ObjectMapper json,
            AuthenticationManager logins,
            ObjectProvider<RequestMappingHandlerMapping> mappings)
            throws Exception {
        http.authenticationManager(logins)
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(reads("/actuator/health", "/actuator/health/**"))
                        .permitAll()
                        .requestMatchers(reads("/actuator/prometheus"))
                        .hasAnyRole(MONITORING, AUDITOR)
                        .requestMatchers(reads("/api/me"))
                        .authenticated()
                        // an ADMIN, or the user itself (which must add its current password)
                        .requestMatchers(POST, "/api/users/{username}/password")
                        .access(new WebExpressionAuthorizationManager(
                                "hasRole('" + ADMIN + "') or #username == authentication.name"))
                        .requestMatchers("/api/users", "/api/users/**")
                        .hasRole(ADMIN)
                        .requestMatchers(POST, "/api/audit/replays")
                        .hasRole(AUDITOR)
                        // who read what, sign-ins among it, is the administrator's business too
                        .requestMatchers(reads("/api/audit/access", "/api/audit/workbooks"))
                        .hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers(reads("/api/audit/**"))
                        .hasRole(AUDITOR)
                        .requestMatchers(reads("/api/projects/import/**"))
                        .hasRole(BUREAU)
                        .requestMatchers(reads("/api/zones", "/api/zones/*"))
                        .hasAnyRole(BUREAU, REVIEWER, LEADERSHIP, AUDITOR, ADMIN)
                        .requestMatchers(reads(
                                "/api/zones/**",
                                "/api/projects/**",
                                "/api/reports/**",
                                "/api/projects",
                                "/api/submissions/**",
                                "/api/submission-warnings"))
                        .hasAnyRole(READERS)
                        .requestMatchers(OPTIONS, "/api/**")
                        .authenticated()
                        .requestMatchers(POST, "/api/zones")
                        .hasRole(ADMIN)
                        .requestMatchers(PUT, "/api/zones/*/targets/*")
                        .hasRole(REVIEWER)
                        .requestMatchers(PUT, "/api/zones/*/warning-rules")
                        .hasAnyRole(BUREAU, REVIEWER)
                        .requestMatchers(POST, "/api/projects", "/api/projects/**")
                        .hasRole(BUREAU)
                        .requestMatchers(POST, "/api/zones/*/submissions")
                        .hasRole(BUREAU)
                        .requestMatchers(POST, "/api/submissions/*/acceptance", "/api/submissions/*/return")
                        .hasRole(REVIEWER)
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.realmName("tracker").authenticationEntryPoint(basicChallenge(json)))
                .exceptionHandling(errors -> errors.accessDeniedHandler(new UnknownPages(
                        mappings,
                        (request, response, e) -> write(
                                json,
                                response,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "当前角色无权执行此操作 / your role may not do this"),
                        (request, response, e) ->
                                write(json, response, HttpStatus.NOT_FOUND, "not-found", "路径不存在 / no such path"))))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

    /**
     * The API's documentation (Swagger UI and the OpenAPI document) opens with Basic credentials, as the API does,
     * or with the session of a reader logged in through the pages' form, so that a link from a page works; it never
     * creates a session itself. A browser without either is sent to the login form (and back after it), any other
     * client gets the 401.
     */
    @Bean
    @Order(0)
    SecurityFilterChain apiDocumentation(HttpSecurity http, ObjectMapper json, AuthenticationManager logins)
            throws Exception {
        String[] paths = {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
        MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.authenticationManager(logins)
                .securityMatcher(paths)
                .authorizeHttpRequests(requests -> requests.requestMatchers(reads(paths))
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.realmName("tracker").authenticationEntryPoint(basicChallenge(json)))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), browser)
                        .defaultAuthenticationEntryPointFor(basicChallenge(json), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler((request, response, e) -> write(
                                json,
                                response,
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "当前角色无权执行此操作 / your role may not do this")))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** HTTP Basic's answer to a request without (right) credentials: 401 with the challenge, or 429 while limited. */
    private static AuthenticationEntryPoint basicChallenge(ObjectMapper json) {
        return (request, response, e) -> {
            if (e instanceof TooManyLogins refused) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfterSeconds()));
                write(
                        json,
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-requests",
                        "登录失败次数过多，请 %d 秒后再试 / too many failed logins, try again in %d seconds"
                                .formatted(refused.retryAfterSeconds(), refused.retryAfterSeconds()));
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"tracker\"");
            write(
                    json,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "unauthorized",
                    "需要登录：用户名或密码缺失或错误 / authentication required: missing or wrong credentials");
        };
    }

    /** The pages: a session after the login form; the page paths are listed by the role that may see them. */
    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            AuthenticationManager logins,
            ObjectProvider<RequestMappingHandlerMapping> mappings,
            LoginStamps stamps)
            throws Exception {
        http.authenticationManager(logins)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/error",
                                "/login",
                                HomePage.LOGIN_REFUSED,
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico")
                        .permitAll()
                        .requestMatchers(reads("/projects/new", "/ledger/import", "/ledger/template.xlsx"))
                        .hasRole(BUREAU)
                        .requestMatchers(POST, "/ledger/import")
                        .hasRole(BUREAU)
                        .requestMatchers(POST, "/projects", "/projects/**")
                        .hasRole(BUREAU)
                        // one rule per form of the zones page, so that each can pass to another role on its own
                        .requestMatchers(POST, "/zones")
                        .hasRole(ADMIN)
                        .requestMatchers(POST, "/zones/targets")
                        .hasRole(REVIEWER)
                        .requestMatchers(POST, "/zones/*/warning-rules")
                        .hasAnyRole(BUREAU, REVIEWER)
                        .requestMatchers(POST, "/zones/*/submissions")
                        .hasRole(BUREAU)
                        .requestMatchers(POST, "/submissions/*/acceptance", "/submissions/*/return")
                        .hasRole(REVIEWER)
                        .requestMatchers(reads("/reviews"))
                        .hasRole(REVIEWER)
                        .requestMatchers("/admin/users", "/admin/users/**")
                        .hasRole(ADMIN)
                        .requestMatchers(reads("/"))
                        .authenticated()
                        .requestMatchers(reads("/zones"))
                        .hasAnyRole(BUREAU, REVIEWER, LEADERSHIP, AUDITOR, ADMIN)
                        .requestMatchers(reads(
                                "/dashboard",
                                "/dashboard/data",
                                "/dashboard/workbook.xlsx",
                                "/ledger",
                                "/ledger/export.xlsx",
                                "/projects/*",
                                "/projects/*/timeline",
                                "/projects/*/evidence/*",
                                "/zones/*/warning-rules",
                                "/zones/*/warning-rules/summary",
                                "/submissions",
                                "/submissions/*",
                                "/zones/*/submissions"))
                        .hasAnyRole(READERS)
                        .requestMatchers(reads("/audit/access"))
                        .hasAnyRole(AUDITOR, ADMIN)
                        .requestMatchers("/audit", "/audit/**")
                        .hasRole(AUDITOR)
                        .anyRequest()
                        .denyAll())
                .addFilterAfter(new StaleSessions(stamps), SecurityContextHolderFilter.class)
                .exceptionHandling(errors -> errors.accessDeniedHandler(new UnknownPages(mappings)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)))
                .formLogin(form -> form.loginPage("/login")
                        .authenticationDetailsSource(FormLoginDetails::new)
                        .defaultSuccessUrl("/", false)
                        .failureHandler(formFailures()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    /** GET and HEAD: a HEAD is a GET without its body, so whoever may read a path may ask for its headers. */
    private static RequestMatcher reads(String... patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(Stream.of(patterns)
                .<RequestMatcher>flatMap(
                        pattern -> Stream.of(paths.matcher(GET, pattern), paths.matcher(HEAD, pattern)))
                .toList());
    }

    /**
     * A wrong password goes back to the form with its error, as Spring's default does. A login refused by
     * {@link LoginLimits} gets 429 and Retry-After here, and the form with the wait is rendered by a forward (a
     * redirect would lose the status).
     */
    private static AuthenticationFailureHandler formFailures() {
        AuthenticationFailureHandler refusedPage = new ForwardAuthenticationFailureHandler(HomePage.LOGIN_REFUSED);
        LinkedHashMap<Class<? extends AuthenticationException>, AuthenticationFailureHandler> byFailure =
                new LinkedHashMap<>();
        byFailure.put(TooManyLogins.class, (request, response, e) -> {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(((TooManyLogins) e).retryAfterSeconds()));
            refusedPage.onAuthenticationFailure(request, response, e);
        });
        return new DelegatingAuthenticationFailureHandler(
                byFailure, new SimpleUrlAuthenticationFailureHandler("/login?error"));
    }

    private static void write(
            ObjectMapper json, HttpServletResponse response, HttpStatus status, String kind, String detail)
            throws IOException {
        Problems.write(json, response, Problems.of(status, kind, detail));
    }

    /** Paths the firewall refuses (";", "%25", "/../", "//" …) are a 400 problem, like any other bad request. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, e) -> write(
                json,
                response,
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "请求的路径或请求头含有不允许的字符 / the path or a header holds characters that are not allowed");
    }

    /**
     * The one way in for both doors: {@link LoginLimits} refuses guessing beyond its limits before any password is
     * checked, {@link RecentLogins} remembers a success for a minute so that Basic clients do not pay ~70 ms of CPU
     * per request, and bcrypt checks the rest.
     */
    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService users,
            PasswordEncoder passwords,
            AuthenticationEventPublisher events,
            LoginStamps stamps) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwords);
        CredentialFingerprints fingerprints = new CredentialFingerprints();
        Ticker ticker = Ticker.systemTicker();
        ProviderManager manager = new ProviderManager(
                new LoginLimits(new RecentLogins(bcrypt, fingerprints, ticker, stamps), fingerprints, ticker));
        manager.setAuthenticationEventPublisher(new SignInEvents(events));
        return manager;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
