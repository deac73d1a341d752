package no.biztek.support.httpapi.security;

import java.util.Optional;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import no.biztek.support.httpapi.HttpApiProperties;
import no.biztek.support.httpapi.problem.ProblemResponseWriter;

/**
 * Deny by default (SPEC §4). Served are only: {@code /api/**} under a Bearer token (GET needs {@code read},
 * other methods the scope {@link RequiredScopes} names); escalation's one-click acknowledgement page
 * {@code /ack/*} (GET and POST, its own signed token in the path, no Bearer token) and calendar feeds
 * {@code /calendar/*} (GET, the same), shareable reports {@code /reports/*} (GET, the same) and its live SLA board
 * for wall screens {@code /board/*}, {@code /board/*}{@code /events} and {@code /board/assets/*} (GET only, the
 * same); health, prometheus,
 * the OpenAPI description and Swagger UI; Spring's {@code /error}. Every other path answers 404 with a
 * problem document, token or not. No sessions, no cookies, no CSRF tokens.
 */
@AutoConfiguration
@EnableConfigurationProperties(HttpApiProperties.class)
public class ApiSecurityConfiguration {

    /** Paths anyone may call, any method (a wrong method is MVC's 405). */
    static final String[] OPEN_PATHS = {"/actuator/health", "/actuator/health/**", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};
    /** escalation-service's acknowledgement page: GET shows it, POST acknowledges (its token is in the path). */
    static final String ACK_PAGE = "/ack/*";
    /** escalation-service's calendar feeds: GET only (calendar apps send no headers; the signed token is in the path). */
    static final String CALENDAR_FEED = "/calendar/*";
    /**
     * escalation-service's live SLA board for wall screens: the page and its event stream (GET only; a wall screen
     * sends no headers, the signed token is in the path) and the page's static script and style.
     */
    static final String[] BOARD = {"/board/*", "/board/*/events", "/board/assets/*"};
    /** escalation-service's shareable monthly SLA report: GET only (a signed, expiring token in the path). */
    static final String REPORT_PAGE = "/reports/*";
    static final String API = "/api/**";

    @Bean
    OpaqueTokenIntrospector hashedTokenIntrospector(HttpApiProperties properties) {
        return new HashedTokenIntrospector(properties.tokens());
    }

    @Bean
    RequiredScopes requiredScopes(HttpApiProperties properties) {
        return RequiredScopes.of(properties);
    }

    /** What is served: the API under its tokens, and the open paths. */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, OpaqueTokenIntrospector introspector,
            RequiredScopes requiredScopes, ProblemResponseWriter problemWriter) throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint(problemWriter);
        var deniedHandler = new ProblemAccessDeniedHandler(problemWriter, requiredScopes);
        stateless(http)
                .securityMatcher(served())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(API).access(scopeOf(requiredScopes))
                        .anyRequest().permitAll())
                .oauth2ResourceServer(server -> server
                        .opaqueToken(token -> token.introspector(introspector))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler));
        return http.build();
    }

    /** Everything else: 404, whatever the request carries (a Bearer token is not even looked at). */
    @Bean
    @Order(2)
    SecurityFilterChain notServedFilterChain(HttpSecurity http, ProblemResponseWriter problemWriter) throws Exception {
        var notServed = new NotServedHandler(problemWriter);
        stateless(http)
                .authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(notServed).accessDeniedHandler(notServed));
        return http.build();
    }

    static RequestMatcher served() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        var matchers = new java.util.ArrayList<RequestMatcher>();
        matchers.add(paths.matcher(API));
        matchers.add(paths.matcher(HttpMethod.GET, ACK_PAGE));
        matchers.add(paths.matcher(HttpMethod.POST, ACK_PAGE));
        matchers.add(paths.matcher(HttpMethod.GET, CALENDAR_FEED));
        for (String board : BOARD) {
            matchers.add(paths.matcher(HttpMethod.GET, board));
        }
        matchers.add(paths.matcher(HttpMethod.GET, REPORT_PAGE));
        for (String open : OPEN_PATHS) {
            matchers.add(paths.matcher(open));
        }
        return new OrRequestMatcher(matchers);
    }

    private static AuthorizationManager<RequestAuthorizationContext> scopeOf(RequiredScopes requiredScopes) {
        return (authentication, context) -> {
            Optional<String> scope = requiredScopes.of(context.getRequest());
            return scope.isEmpty() ? new AuthorizationDecision(false)
                    : AuthorityAuthorizationManager.<RequestAuthorizationContext>hasAuthority(
                            ApiScopes.authority(scope.get())).authorize(authentication, context);
        };
    }

    private static HttpSecurity stateless(HttpSecurity http) throws Exception {
        return http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }
}
