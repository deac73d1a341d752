package no.biztek.support.intake.ticket;

import java.util.Set;
import java.util.TreeSet;

import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.schemas.common.SeverityChangeReason;

/**
 * The reason code of a severity change. A downgrade's must be one its terms list ({@code downgradeReasons}, data:
 * a new code needs no code or schema change); an upgrade's one of those or of the codes intake always knew.
 */
final class SeverityReasons {

    /** An upgrade without a reason: the impact was reassessed. */
    static final String DEFAULT_UPGRADE = SeverityChangeReason.IMPACT_REASSESSED.name();

    private static final Set<String> UPGRADE_CODES = Set.of(DEFAULT_UPGRADE,
            SeverityChangeReason.CUSTOMER_REQUEST.name());

    private SeverityReasons() {
    }

    /** The code the change records, or a 400 naming {@code reason}. */
    static String codeFor(String requested, boolean downgrade, SlaPolicy terms) {
        if (downgrade) {
            if (requested == null) {
                throw new InvalidRequestException("reason", "a downgrade needs a reason code, one of "
                        + new TreeSet<>(terms.downgradeReasons()));
            }
            if (!terms.allowsDowngradeReason(requested)) {
                throw new InvalidRequestException("reason", "a downgrade's reason must be one of "
                        + new TreeSet<>(terms.downgradeReasons()) + ", was " + requested);
            }
            return requested;
        }
        if (requested == null) {
            return DEFAULT_UPGRADE;
        }
        if (!UPGRADE_CODES.contains(requested) && !terms.allowsDowngradeReason(requested)) {
            Set<String> known = new TreeSet<>(UPGRADE_CODES);
            known.addAll(terms.downgradeReasons());
            throw new InvalidRequestException("reason", "must be one of " + known + ", was " + requested);
        }
        return requested;
    }

    /** The legacy enum field readers before TicketEvent v3 read: the code when it is a symbol, else the default. */
    static SeverityChangeReason legacy(String code) {
        for (SeverityChangeReason symbol : SeverityChangeReason.values()) {
            if (symbol.name().equals(code)) {
                return symbol;
            }
        }
        return SeverityChangeReason.OTHER;
    }
}
