package no.biztek.support.httpapi.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;

import no.biztek.support.httpapi.HttpApiProperties;
import no.biztek.support.httpapi.problem.ProblemResponseWriter;

/**
 * Bearer-token access to {@code /api/**} (SPEC §4): GET needs {@code read}, every other method the
 * service's write scope ({@code support.api.write-scope}). Health, prometheus and the OpenAPI
 * description stay open; no sessions, no cookies, no CSRF tokens.
 */
@AutoConfiguration
@EnableConfigurationProperties(HttpApiProperties.class)
public class ApiSecurityConfiguration {

    @Bean
    OpaqueTokenIntrospector hashedTokenIntrospector(HttpApiProperties properties) {
        return new HashedTokenIntrospector(properties.tokens());
    }

    @Bean
    SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, OpaqueTokenIntrospector introspector,
            HttpApiProperties properties, ProblemResponseWriter problemWriter) throws Exception {
        var entryPoint = new ProblemAuthenticationEntryPoint(problemWriter);
        var deniedHandler = new ProblemAccessDeniedHandler(problemWriter, new RequiredScopes(properties.writeScope()));
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.GET, "/api/**").hasAuthority(ApiScopes.authority(ApiScopes.READ));
                    requests.requestMatchers(HttpMethod.HEAD, "/api/**").hasAuthority(ApiScopes.authority(ApiScopes.READ));
                    if (properties.writeScope() != null) {
                        requests.requestMatchers("/api/**").hasAuthority(ApiScopes.authority(properties.writeScope()));
                    } else {
                        requests.requestMatchers("/api/**").denyAll();
                    }
                    requests.anyRequest().permitAll();
                })
                .oauth2ResourceServer(server -> server
                        .opaqueToken(token -> token.introspector(introspector))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler));
        return http.build();
    }
}
