package no.biztek.support.escalation.delivery;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import no.biztek.support.escalation.paging.PagingProperties;

/** The own webhooks of the people in the paging configuration, by lower-case e-mail address. */
final class Webhooks {

    private Webhooks() {
    }

    static Map<String, URI> byEmail(PagingProperties paging) {
        Map<String, URI> webhooks = new HashMap<>();
        Stream.concat(Stream.concat(paging.schedule().rotation().stream(),
                                paging.schedule().overrides().stream().map(PagingProperties.Override::engineer)),
                        paging.policy().levels().stream().map(PagingProperties.Level::person)
                                .filter(java.util.Objects::nonNull))
                .filter(e -> e.webhook() != null)
                .forEach(e -> webhooks.put(e.email().toLowerCase(Locale.ROOT), e.webhook()));
        return webhooks;
    }
}
