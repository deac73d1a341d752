package no.biztek.support.httpapi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;

import no.biztek.support.httpapi.HttpApiProperties;

class HashedTokenIntrospectorTest {

    private final HashedTokenIntrospector introspector = new HashedTokenIntrospector(List.of(
            token("desk", "desk-secret", Set.of("tickets:write", "read")),
            token("dashboard", "dashboard-secret", Set.of("read"))));

    @Test
    void aKnownTokenBecomesItsNameAndScopes() {
        var principal = introspector.introspect("desk-secret");

        assertThat(principal.getName()).isEqualTo("desk");
        assertThat(principal.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("SCOPE_tickets:write", "SCOPE_read");
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertThatThrownBy(() -> introspector.introspect("desk-secreT"))
                .isInstanceOf(BadOpaqueTokenException.class);
        assertThatThrownBy(() -> introspector.introspect(""))
                .isInstanceOf(BadOpaqueTokenException.class);
    }

    @Test
    void theHashItselfIsNotAToken() {
        String hash = TokenHash.hexOf("desk-secret");
        assertThatThrownBy(() -> introspector.introspect(hash)).isInstanceOf(BadOpaqueTokenException.class);
    }

    private static HttpApiProperties.Token token(String name, String secret, Set<String> scopes) {
        return new HttpApiProperties.Token(name, TokenHash.hexOf(secret),
                scopes);
    }
}
