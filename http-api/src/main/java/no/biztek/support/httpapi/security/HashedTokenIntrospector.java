package no.biztek.support.httpapi.security;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

import no.biztek.support.httpapi.HttpApiProperties;

/**
 * Recognises Bearer tokens by their SHA-256 hash: configuration never holds a token itself. Every
 * known hash is compared in constant time and all of them are always compared, so the response time
 * tells nothing about how close a guess came or which token matched.
 */
final class HashedTokenIntrospector implements OpaqueTokenIntrospector {

    private final List<KnownToken> known;

    HashedTokenIntrospector(List<HttpApiProperties.Token> tokens) {
        this.known = tokens.stream().map(KnownToken::of).toList();
    }

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        byte[] presented = TokenHash.of(token);
        KnownToken match = null;
        for (KnownToken candidate : known) {
            if (MessageDigest.isEqual(presented, candidate.hash())) {
                match = candidate;
            }
        }
        if (match == null) {
            throw new BadOpaqueTokenException("unknown token");
        }
        return new DefaultOAuth2AuthenticatedPrincipal(match.name(), Map.of("sub", match.name()), match.authorities());
    }

    private record KnownToken(String name, byte[] hash, List<GrantedAuthority> authorities) {

        static KnownToken of(HttpApiProperties.Token token) {
            List<GrantedAuthority> authorities = token.scopes().stream()
                    .<GrantedAuthority>map(scope -> new SimpleGrantedAuthority(ApiScopes.authority(scope))).toList();
            return new KnownToken(token.name(), HexFormat.of().parseHex(token.sha256()), authorities);
        }
    }
}
