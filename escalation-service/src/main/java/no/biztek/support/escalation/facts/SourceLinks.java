package no.biztek.support.escalation.facts;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a ticket can be opened in the system it came from, per source (as {@code TicketOpened.source} names it, any
 * case): a URL template with {@code {externalId}}, e.g.
 * {@code zendesk: https://biztek.zendesk.com/agent/tickets/{externalId}}. A source without a template has no link.
 * Checked at start-up: an absolute http(s) URL that contains the placeholder.
 */
@ConfigurationProperties("support.escalation.source-links")
public record SourceLinks(Map<String, String> templates) {

    static final String PLACEHOLDER = "{externalId}";

    public SourceLinks {
        Map<String, String> checked = new TreeMap<>();
        if (templates != null) {
            templates.forEach((source, template) -> {
                String property = "source-links.templates." + source;
                if (template == null || !template.contains(PLACEHOLDER)) {
                    throw new IllegalArgumentException(property + ": must contain " + PLACEHOLDER + ", was " + template);
                }
                URI example = URI.create(template.replace(PLACEHOLDER, "1"));
                if (!example.isAbsolute() || !("https".equals(example.getScheme())
                        || "http".equals(example.getScheme()))) {
                    throw new IllegalArgumentException(property + ": must be an absolute http(s) URL, was " + template);
                }
                checked.put(source.toLowerCase(Locale.ROOT), template);
            });
        }
        templates = Map.copyOf(checked);
    }

    /** The ticket's link in its source, the external id URL-encoded; empty without a template or an external id. */
    Optional<URI> link(String source, String externalId) {
        if (source == null || externalId == null || externalId.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(templates.get(source.toLowerCase(Locale.ROOT)))
                .map(t -> URI.create(t.replace(PLACEHOLDER,
                        URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20"))));
    }
}
