package no.biztek.support.escalation.delivery;

/** A way to reach a paged person (webhook, e-mail). */
interface Channel {

    /** Its name in metrics ({@code channel} tag) and dead-letter reasons. */
    String name();

    /** Whether it can reach the person of the page at all (e.g. no webhook configured for them). */
    boolean reaches(PageMessage message);

    /** One attempt; throws when the channel did not take the page. */
    void send(PageMessage message) throws Exception;
}
