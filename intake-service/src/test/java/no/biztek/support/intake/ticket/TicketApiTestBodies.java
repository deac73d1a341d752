package no.biztek.support.intake.ticket;

/** Request bodies shared by intake's tests. */
public final class TicketApiTestBodies {

    private TicketApiTestBodies() {
    }

    public static String open(String externalId, int severity) {
        return TicketApiTest.openBody(externalId, severity, null);
    }
}
