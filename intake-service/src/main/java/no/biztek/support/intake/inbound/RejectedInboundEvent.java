package no.biztek.support.intake.inbound;

/** An inbound record that can never be accepted as it is: it goes to the dead-letter topic, not retried. */
class RejectedInboundEvent extends RuntimeException {

    RejectedInboundEvent(String reason, Throwable cause) {
        super(reason, cause);
    }
}
