package no.biztek.support.sla.clock;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import no.biztek.support.policy.Severity;

/**
 * Reads clocks stored in formats 1 and 2, which kept a state instead of the ticket's facts, as the facts
 * that give that state: an opening with the severity the clock measured (its deadline is recomputed from
 * openedAt, as it always was), the first response and the resolution it recorded. The history before
 * (severity changes, an earlier resolution and reopening) was not kept, so it cannot be corrected for.
 * Format 2 is format 1 with the consultant of the response after {@code respondedAt}.
 */
final class LegacyClockFormat {

    static final byte FORMAT_1 = 1;
    static final byte FORMAT_2 = 2;
    private static final String[] STATES = {"RUNNING", "MET", "BREACHED", "STOPPED"};

    private LegacyClockFormat() {
    }

    static SlaClock read(ByteBuffer in, byte format) {
        String ticketId = SlaClockSerde.getString(in);
        String customerId = SlaClockSerde.getString(in);
        String policyVersion = SlaClockSerde.getString(in);
        Severity severity = Severity.ofLevel(in.get());
        Instant openedAt = Instant.ofEpochMilli(in.getLong());
        Instant dueAt = Instant.ofEpochMilli(in.getLong());
        ClockState state = ClockState.valueOf(STATES[in.get()]);
        Instant respondedAt = SlaClockSerde.getInstant(in);
        String respondedBy = format >= FORMAT_2 && in.get() != 0 ? SlaClockSerde.getString(in) : null;
        Instant verdictAt = SlaClockSerde.getInstant(in);
        Instant resolvedAt = SlaClockSerde.getInstant(in);
        Instant timerAt = SlaClockSerde.getInstant(in);
        int warnedCount = Byte.toUnsignedInt(in.get());
        List<String> warned = new ArrayList<>(warnedCount);
        for (int i = 0; i < warnedCount; i++) {
            warned.add(Announcement.warningKey(in.get(), dueAt));
        }
        int seenCount = Short.toUnsignedInt(in.getShort());
        String openedEventId = "legacy-opened|" + ticketId;
        for (int i = 0; i < seenCount; i++) {
            String seen = SlaClockSerde.getString(in);
            if (i == 0) {
                openedEventId = seen; // the first event a clock saw was its TicketOpened
            }
        }
        Fact opened = new Fact(Fact.Kind.OPENED, openedEventId, openedAt, 0, severity, null);
        TicketFacts facts = TicketFacts.openedBy(opened);
        if (respondedAt != null) {
            facts = facts.with(new Fact(Fact.Kind.RESPONDED, "legacy-responded|" + ticketId, respondedAt, -1, null,
                    respondedBy));
        }
        Instant resolved = resolvedAt != null ? resolvedAt : state == ClockState.STOPPED ? verdictAt : null;
        if (resolved != null) {
            facts = facts.with(new Fact(Fact.Kind.RESOLVED, "legacy-resolved|" + ticketId, resolved, -1, null, null));
        }
        String verdictEventId = state.hasVerdict()
                ? EventIds.legacy(ticketId, state == ClockState.MET ? "met" : "breached") : null;
        Announcement announced = new Announcement(state, severity, dueAt, state == ClockState.MET ? respondedAt : null,
                verdictEventId, state.hasVerdict() ? 1 : 0, warned);
        return new SlaClock(ticketId, customerId, policyVersion, facts, announced, timerAt);
    }
}
