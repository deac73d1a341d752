package no.biztek.support.httpapi.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import no.biztek.support.httpapi.problem.ProblemDocuments;
import no.biztek.support.httpapi.problem.ProblemResponseWriter;

/**
 * The answer to every path outside the allow-list: 404 with a problem document, with or without a token,
 * so a caller learns nothing about what might be there and is not invited to try a token.
 */
final class NotServedHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponseWriter writer;

    NotServedHandler(ProblemResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        notServed(request, response);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        notServed(request, response);
    }

    private void notServed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var problem = ProblemDocuments.of(HttpStatus.NOT_FOUND, "Nothing is served at this path.");
        problem.setType(ProblemDocuments.NOT_SERVED);
        writer.write(request, response, problem);
    }
}
