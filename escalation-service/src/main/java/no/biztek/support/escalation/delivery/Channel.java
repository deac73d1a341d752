package no.biztek.support.escalation.delivery;

/** A way to reach a paged person (webhook, e-mail). */
interface Channel {

    /** Its name in metrics ({@code channel} tag) and dead-letter reasons. */
    String name();

    /** Whether it can reach the person of the message at all (e.g. no webhook configured for them). */
    boolean reaches(OnCallMessage message);

    /** One attempt; throws when the channel did not take the message. */
    void send(OnCallMessage message) throws Exception;
}
