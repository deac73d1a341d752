package no.biztek.support.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a test reads from an RFC 9457 problem document the platform's APIs answer with. */
public final class ProblemDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemDocuments() {
    }

    /** The document's {@code errors} as field → message, in the document's order; empty if it has none. */
    public static Map<String, String> fieldErrors(String problemDocument) {
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode list = JSON.readTree(problemDocument).get("errors");
        if (list != null) {
            list.forEach(e -> errors.put(e.get("field").asString(), e.get("message").asString()));
        }
        return errors;
    }
}
