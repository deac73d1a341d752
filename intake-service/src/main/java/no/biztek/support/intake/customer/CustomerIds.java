package no.biztek.support.intake.customer;

import java.util.regex.Pattern;

import no.biztek.support.httpapi.problem.InvalidRequestException;

/**
 * What a customer id looks like, wherever one arrives: the customer directory's path, a ticket opened over
 * HTTP or the inbound topic, a Zendesk organisation's external id. Ids flow into chat markdown, mail subjects
 * and log lines downstream, so nothing but letters, digits, '.', '_' and '-' is accepted.
 */
public final class CustomerIds {

    /** A letter or digit, then up to 99 letters, digits, '.', '_' or '-'. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";
    /** The message of a refused id (a constant, so that constraint annotations can use it). */
    public static final String MESSAGE =
            "must be a customer id: a letter or digit, then up to 99 letters, digits, '.', '_' or '-'";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private CustomerIds() {
    }

    public static boolean isValid(String customerId) {
        return customerId != null && COMPILED.matcher(customerId).matches();
    }

    /**
     * The id, or a 400 naming the field it came in.
     *
     * @throws InvalidRequestException when it is blank or not a customer id
     */
    public static String require(String field, String customerId) {
        if (customerId == null || customerId.isBlank()) {
            throw new InvalidRequestException(field, "must not be blank");
        }
        if (!isValid(customerId.trim())) {
            throw new InvalidRequestException(field, MESSAGE);
        }
        return customerId.trim();
    }
}
