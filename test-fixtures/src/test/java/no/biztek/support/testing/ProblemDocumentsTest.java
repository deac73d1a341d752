package no.biztek.support.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class ProblemDocumentsTest {

    @Test
    void readsEachFieldErrorInTheDocumentsOrder() {
        String document = """
                {"type":"about:blank","title":"Bad Request","status":400,
                 "errors":[{"field":"severity","message":"must be one of 1, 2, 3"},
                           {"field":"customerId","message":"must not be blank"}]}""";

        assertThat(ProblemDocuments.fieldErrors(document))
                .containsExactly(entry("severity", "must be one of 1, 2, 3"),
                        entry("customerId", "must not be blank"));
    }

    @Test
    void aDocumentWithoutFieldErrorsHasNone() {
        assertThat(ProblemDocuments.fieldErrors("{\"status\":404,\"title\":\"Not Found\"}")).isEmpty();
    }
}
