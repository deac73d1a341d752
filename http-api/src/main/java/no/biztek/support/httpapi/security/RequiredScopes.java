package no.biztek.support.httpapi.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;

/** Which scope a request to {@code /api/**} needs: {@code read} for GET, the service's write scope otherwise. */
final class RequiredScopes {

    private final String writeScope;

    RequiredScopes(String writeScope) {
        this.writeScope = writeScope;
    }

    /** The scope, or empty when the service takes no writes. */
    Optional<String> of(HttpServletRequest request) {
        if (HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod())) {
            return Optional.of(ApiScopes.READ);
        }
        return Optional.ofNullable(writeScope);
    }
}
