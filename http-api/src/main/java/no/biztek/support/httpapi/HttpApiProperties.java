package no.biztek.support.httpapi;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * A service's {@code /api/**}: the tokens that may call it, what a write needs, how large a body may be.
 *
 * @param writeScope     scope every non-GET {@code /api/**} request needs (e.g. {@code tickets:write});
 *                       empty: the service accepts no writes
 * @param tokens         known tokens, only as SHA-256 hashes
 * @param maxRequestSize larger request bodies are refused with 413
 */
@Validated
@ConfigurationProperties("support.api")
public record HttpApiProperties(String writeScope, @Valid List<Token> tokens, @NotNull DataSize maxRequestSize) {

    public HttpApiProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        maxRequestSize = maxRequestSize == null ? DataSize.ofKilobytes(64) : maxRequestSize;
        writeScope = writeScope == null || writeScope.isBlank() ? null : writeScope;
    }

    /**
     * One caller's token.
     *
     * @param name   who holds it (shown as the principal, never the token)
     * @param sha256 lower-case hex SHA-256 of the token ({@code printf %s "$TOKEN" | sha256sum})
     * @param scopes what it may do
     */
    public record Token(@NotBlank String name,
                        @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits (SHA-256)")
                        String sha256,
                        @NotEmpty Set<@NotBlank String> scopes) {
    }
}
