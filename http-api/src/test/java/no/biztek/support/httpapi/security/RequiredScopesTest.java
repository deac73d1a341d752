package no.biztek.support.httpapi.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import no.biztek.support.httpapi.HttpApiProperties;
import no.biztek.support.httpapi.HttpApiProperties.PathWriteScope;

class RequiredScopesTest {

    private final RequiredScopes intake = RequiredScopes.of(new HttpApiProperties("tickets:write",
            List.of(new PathWriteScope(List.of("/api/v1/customers/**"), "customers:write")), List.of(), null));

    @Test
    void readsNeedReadWherever() {
        assertThat(intake.of("GET", "/api/v1/customers/kunde-as")).hasValue("read");
        assertThat(intake.of("HEAD", "/api/v1/tickets/x")).hasValue("read");
    }

    @Test
    void writesUnderAPathRuleNeedItsScopeAndOtherWritesTheServiceScope() {
        assertThat(intake.of("PUT", "/api/v1/customers/kunde-as")).hasValue("customers:write");
        assertThat(intake.of("DELETE", "/api/v1/customers/kunde-as")).hasValue("customers:write");
        assertThat(intake.of("PUT", "/api/v1/customers/{customerId}")).as("as OpenAPI names the path")
                .hasValue("customers:write");
        assertThat(intake.of("POST", "/api/v1/tickets")).hasValue("tickets:write");
        assertThat(intake.of("POST", "/api/v1/customersx")).hasValue("tickets:write");
        assertThat(intake.of("POST", "/api/v1/webhooks/zendesk")).hasValue("tickets:write");
    }

    @Test
    void aServiceWithoutAWriteScopeAcceptsNoOtherWrites() {
        RequiredScopes readOnly = RequiredScopes.of(new HttpApiProperties(null, List.of(), null));

        assertThat(readOnly.of("POST", "/api/v1/tickets")).isEmpty();
        assertThat(readOnly.of("GET", "/api/v1/tickets/x/sla")).hasValue("read");
    }
}
