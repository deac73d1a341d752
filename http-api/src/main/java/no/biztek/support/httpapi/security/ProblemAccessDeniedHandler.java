package no.biztek.support.httpapi.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import no.biztek.support.httpapi.problem.ProblemDocuments;
import no.biztek.support.httpapi.problem.ProblemResponseWriter;

/** 403 with a problem document naming the scope the token lacks ({@link RequiredScopes}). */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemResponseWriter writer;
    private final RequiredScopes requiredScopes;

    ProblemAccessDeniedHandler(ProblemResponseWriter writer, RequiredScopes requiredScopes) {
        this.writer = writer;
        this.requiredScopes = requiredScopes;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        String scope = requiredScopes.of(request).orElse(null);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\""
                + (scope == null ? "" : ", scope=\"" + scope + "\""));
        writer.write(request, response, ProblemDocuments.of(HttpStatus.FORBIDDEN, scope == null
                ? "This service accepts no such request."
                : "The token lacks the scope '" + scope + "'."));
    }
}
