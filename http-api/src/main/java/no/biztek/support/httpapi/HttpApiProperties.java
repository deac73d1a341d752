package no.biztek.support.httpapi;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * A service's {@code /api/**}: the tokens that may call it, what a write needs, how large a body may be.
 *
 * @param writeScope      scope every non-GET {@code /api/**} request needs (e.g. {@code tickets:write}) unless
 *                        one of {@code pathWriteScopes} names another; empty: the service accepts no other writes
 * @param pathWriteScopes writes under these paths need their own scope instead of {@code writeScope}
 *                        (the first entry whose paths match decides); GET and HEAD always need {@code read}
 * @param tokens          known tokens, only as SHA-256 hashes
 * @param maxRequestSize  larger request bodies are refused with 413
 */
@Validated
@ConfigurationProperties("support.api")
public record HttpApiProperties(String writeScope, @Valid List<PathWriteScope> pathWriteScopes,
                                @Valid List<Token> tokens, @NotNull DataSize maxRequestSize) {

    @ConstructorBinding
    public HttpApiProperties {
        pathWriteScopes = pathWriteScopes == null ? List.of() : List.copyOf(pathWriteScopes);
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        maxRequestSize = maxRequestSize == null ? DataSize.ofKilobytes(64) : maxRequestSize;
        writeScope = writeScope == null || writeScope.isBlank() ? null : writeScope;
    }

    /** Without path-specific write scopes: every write needs {@code writeScope}. */
    public HttpApiProperties(String writeScope, List<Token> tokens, DataSize maxRequestSize) {
        this(writeScope, List.of(), tokens, maxRequestSize);
    }

    /**
     * The scope writes under some paths need, e.g. {@code customers:write} for {@code /api/v1/customers/**}.
     *
     * @param paths Spring path patterns under {@code /api/}
     * @param scope the scope a non-GET request to them needs
     */
    public record PathWriteScope(@NotEmpty List<@NotNull @Pattern(regexp = "/api/.*",
                                         message = "must be a path pattern under /api/") String> paths,
                                 @NotBlank String scope) {
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
