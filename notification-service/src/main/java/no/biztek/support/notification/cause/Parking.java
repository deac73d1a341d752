package no.biztek.support.notification.cause;

/** A notification to park until what it waits for (its ticket's TicketOpened, its customer's directory entry) is known. */
record Parking(ParkedDraft parked, String waitingFor) {
}
