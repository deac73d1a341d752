package no.biztek.support.httpapi.problem;

/** What is wrong with one field of a request, as listed in a problem document's {@code errors}. */
public record FieldProblem(String field, String message) {
}
