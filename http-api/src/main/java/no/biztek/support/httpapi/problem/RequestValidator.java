package no.biztek.support.httpapi.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.Validator;

/**
 * Validates a request body with its Bean Validation constraints wherever it arrived (HTTP, webhook,
 * topic) and refuses it with the same field-level problems an HTTP {@code @Valid} would give.
 */
public final class RequestValidator {

    private final Validator validator;

    public RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /** @throws InvalidRequestException listing every invalid field, sorted by field */
    public <T> T validate(T request) {
        if (request == null) {
            throw new InvalidRequestException("body", "a JSON body is required");
        }
        List<FieldProblem> problems = validator.validate(request).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return request;
    }
}
