package cn.zhaoshang.tracker.platform;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Two doors with the same users and roles. The API ({@code /api/**}, its documentation and the actuator) takes
 * HTTP Basic without sessions; the pages take a login form, a session and a CSRF token on every form. Every path
 * is decided here: what is not listed is denied.
 *
 * <p>BUREAU (招商局) writes and reads everything but the audit; LEADERSHIP (领导) reads zones, projects and
 * reports; AUDITOR (审计) reads everything and may rebuild the projections.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    static final String BUREAU = "BUREAU";
    static final String LEADERSHIP = "LEADERSHIP";
    static final String AUDITOR = "AUDITOR";
    /** The metrics scraper's account (docs/operations.md): it reads /actuator/prometheus and nothing else. */
    static final String MONITORING = "MONITORING";

    private static final Set<String> ROLES = Set.of(BUREAU, LEADERSHIP, AUDITOR, MONITORING);

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuthenticationManager logins) throws Exception {
        http.authenticationManager(logins)
                .securityMatcher(
                        "/api/**",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/error")
                        .permitAll()
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers(GET, "/actuator/prometheus")
                        .hasAnyRole(MONITORING, AUDITOR)
                        .requestMatchers(GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .authenticated()
                        .requestMatchers(POST, "/api/audit/replays")
                        .hasRole(AUDITOR)
                        .requestMatchers(GET, "/api/audit/**")
                        .hasRole(AUDITOR)
                        .requestMatchers(GET, "/api/projects/import/**")
                        .hasRole(BUREAU)
                        .requestMatchers(
                                GET,
                                "/api/zones/**",
                                "/api/projects/**",
                                "/api/reports/**",
                                "/api/zones",
                                "/api/projects")
                        .hasAnyRole(BUREAU, LEADERSHIP, AUDITOR)
                        .requestMatchers(GET, "/api/**")
                        .hasAnyRole(BUREAU, AUDITOR)
                        .requestMatchers(POST, "/api/**")
                        .hasRole(BUREAU)
                        .requestMatchers(PUT, "/api/**")
                        .hasRole(BUREAU)
                        .anyRequest()
                        .denyAll())
                .httpBasic(basic -> basic.realmName("tracker").authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"tracker\"");
                    write(
                            json,
                            response,
                            HttpStatus.UNAUTHORIZED,
                            "需要登录：用户名或密码缺失或错误 / authentication required: missing or wrong credentials");
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        write(json, response, HttpStatus.FORBIDDEN, "当前角色无权执行此操作 / your role may not do this")))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
        return http.build();
    }

    /** The pages: a session after the login form; the page paths are listed by the role that may see them. */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/error", "/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers(GET, "/projects/new", "/ledger/import", "/ledger/template.xlsx")
                        .hasRole(BUREAU)
                        .requestMatchers(POST, "/ledger/import")
                        .hasRole(BUREAU)
                        .requestMatchers(POST, "/projects", "/projects/**")
                        .hasRole(BUREAU)
                        .requestMatchers(
                                GET,
                                "/",
                                "/dashboard",
                                "/dashboard/data",
                                "/dashboard/workbook.xlsx",
                                "/ledger",
                                "/ledger/export.xlsx",
                                "/projects/*",
                                "/projects/*/timeline")
                        .hasAnyRole(BUREAU, LEADERSHIP, AUDITOR)
                        .requestMatchers("/audit", "/audit/**")
                        .hasRole(AUDITOR)
                        .anyRequest()
                        .denyAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem =
                Problems.of(status, status == HttpStatus.UNAUTHORIZED ? "unauthorized" : "forbidden", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Paths the firewall refuses (";", "%25", "/../", "//" …) are a 400 problem, like any other bad request. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, e) -> write(
                json,
                response,
                HttpStatus.BAD_REQUEST,
                "请求的路径或请求头含有不允许的字符 / the path or a header holds characters that are not allowed");
    }

    /**
     * bcrypt checks every password, and {@link RecentLogins} remembers a success for a minute, so that Basic
     * clients do not pay ~70 ms of CPU per request. Failures still reach {@link FailedLogins} through the events.
     */
    @Bean
    AuthenticationManager authenticationManager(
            UserDetailsService users, PasswordEncoder passwords, AuthenticationEventPublisher events) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwords);
        ProviderManager manager =
                new ProviderManager(new RecentLogins(bcrypt, new CredentialFingerprints(), Ticker.systemTicker()));
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(TrackerUsers configured) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (TrackerUsers.User user : configured.users()) {
            for (String role : user.roles()) {
                if (!ROLES.contains(role)) {
                    throw new IllegalStateException(
                            "Unknown role %s for user %s; roles are %s".formatted(role, user.username(), ROLES));
                }
            }
            users.createUser(User.withUsername(user.username())
                    .password(user.password())
                    .roles(user.roles().toArray(String[]::new))
                    .build());
        }
        return users;
    }
}
