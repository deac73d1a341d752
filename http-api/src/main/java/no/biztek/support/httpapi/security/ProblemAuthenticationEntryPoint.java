package no.biztek.support.httpapi.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import no.biztek.support.httpapi.problem.ProblemDocuments;
import no.biztek.support.httpapi.problem.ProblemResponseWriter;

/** 401 with a problem document and an RFC 6750 challenge, for a missing, malformed or unknown token. */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemResponseWriter writer;

    ProblemAuthenticationEntryPoint(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented ? "Bearer error=\"invalid_token\"" : "Bearer");
        writer.write(request, response, ProblemDocuments.of(HttpStatus.UNAUTHORIZED, presented
                ? "The Bearer token is not valid."
                : "This endpoint requires an Authorization: Bearer <token> header."));
    }
}
