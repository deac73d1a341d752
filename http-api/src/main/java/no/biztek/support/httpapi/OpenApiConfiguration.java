package no.biztek.support.httpapi;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import no.biztek.support.httpapi.security.RequiredScopes;

/**
 * Describes in {@code /v3/api-docs} what every {@code /api/**} operation shares: the Bearer scheme, the
 * scope the operation needs (in its description and as {@code x-required-scope}, from {@link RequiredScopes}),
 * its 400, 401 and 403 answers, and 413 and 415 where it takes a body; and that every 4xx and 5xx answer is a
 * problem document (RFC 9457), so a controller declares its own (404, 409, 503 ...) with a description only.
 */
@AutoConfiguration
public class OpenApiConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";

    static final String REQUIRED_SCOPE = "x-required-scope";

    @Bean
    OpenApiCustomizer bearerAndProblemDocuments(RequiredScopes requiredScopes) {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                    .description("Authorization: Bearer <token>. Scopes: read (every GET), tickets:write (intake's"
                            + " tickets), customers:write (intake's customer directory), escalations:write"
                            + " (escalation's writes); each operation names the one it needs."));
            components.addSchemas(PROBLEM, problemSchema());
            openApi.setComponents(components);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (path.startsWith("/api/")) {
                    item.readOperationsMap().forEach((method, operation) -> {
                        describeScope(operation, requiredScopes.of(method.name(), path).orElse(null));
                        describeSharedAnswers(operation);
                    });
                }
            });
        };
    }

    private static void describeScope(Operation operation, String scope) {
        String needs = scope == null ? "This service accepts no such request."
                : "Needs a Bearer token with the scope `" + scope + "`.";
        String description = operation.getDescription();
        if (description == null || description.isBlank()) {
            operation.setDescription(needs);
        } else if (!description.contains(needs)) {
            operation.setDescription(description + "\n\n" + needs);
        }
        if (scope != null) {
            operation.addExtension(REQUIRED_SCOPE, scope);
        }
    }

    private static void describeSharedAnswers(Operation operation) {
        operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        Map<String, String> shared = Map.of(
                "400", "Invalid request: the errors property lists each field and what is wrong with it",
                "401", "Missing or unknown Bearer token",
                "403", "The token lacks the scope this operation needs");
        shared.forEach((status, description) -> addIfAbsent(operation, status, description));
        if (operation.getRequestBody() != null) {
            addIfAbsent(operation, "413", "The body is larger than the service accepts");
            addIfAbsent(operation, "415", "The body is not application/json");
        }
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (isError(status)) {
                    response.setContent(problemContent());
                }
            });
        }
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static void addIfAbsent(Operation operation, String status, String description) {
        if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem document");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        problem.setRequired(List.of("title", "status"));
        return problem;
    }
}
