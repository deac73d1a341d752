package no.biztek.support.httpapi.security;

/** The scopes a Bearer token can carry (SPEC §4). */
public final class ApiScopes {

    /** Every GET of every service. */
    public static final String READ = "read";
    /** intake-service's ticket writes (tickets, their lifecycle, the Zendesk webhook). */
    public static final String TICKETS_WRITE = "tickets:write";
    /** intake-service's customer directory writes (contacts, contract terms). */
    public static final String CUSTOMERS_WRITE = "customers:write";
    /** escalation-service's writes. */
    public static final String ESCALATIONS_WRITE = "escalations:write";

    private ApiScopes() {
    }

    /** The Spring Security authority of a scope. */
    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
