package no.biztek.support.httpapi.security;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import no.biztek.support.httpapi.HttpApiProperties;

/**
 * Which scope a request to {@code /api/**} needs: {@code read} for GET and HEAD; for any other method the
 * scope of the first {@code support.api.path-write-scopes} entry whose paths match, else the service's
 * write scope. The one place that decides it: authorization, the 403 answer and the OpenAPI description
 * all ask here.
 */
public final class RequiredScopes {

    private final String writeScope;
    private final List<PathRule> pathRules;

    private RequiredScopes(String writeScope, List<PathRule> pathRules) {
        this.writeScope = writeScope;
        this.pathRules = pathRules;
    }

    public static RequiredScopes of(HttpApiProperties properties) {
        return new RequiredScopes(properties.writeScope(), properties.pathWriteScopes().stream()
                .map(rule -> new PathRule(rule.paths().stream().map(PathPatternParser.defaultInstance::parse).toList(),
                        rule.scope()))
                .toList());
    }

    /** The scope a request needs; empty when the service accepts no such request. */
    public Optional<String> of(String method, String path) {
        if (HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method)) {
            return Optional.of(ApiScopes.READ);
        }
        PathContainer container = PathContainer.parsePath(path);
        return pathRules.stream().filter(rule -> rule.matches(container)).map(PathRule::scope).findFirst()
                .or(() -> Optional.ofNullable(writeScope));
    }

    Optional<String> of(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return of(request.getMethod(), contextPath != null && uri.startsWith(contextPath)
                ? uri.substring(contextPath.length()) : uri);
    }

    private record PathRule(List<PathPattern> patterns, String scope) {

        boolean matches(PathContainer path) {
            return patterns.stream().anyMatch(pattern -> pattern.matches(path));
        }
    }
}
