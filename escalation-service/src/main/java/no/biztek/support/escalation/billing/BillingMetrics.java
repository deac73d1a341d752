package no.biztek.support.escalation.billing;

import no.biztek.support.schemas.common.Vendor;

/** What the billing topology reports. */
public interface BillingMetrics {

    BillingMetrics NONE = (vendor, billedMinutes) -> {
    };

    /** A time entry was billed. */
    void billed(Vendor vendor, long billedMinutes);
}
