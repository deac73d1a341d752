package no.biztek.support.escalation.paging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;

import tools.jackson.databind.annotation.JsonDeserialize;

import no.biztek.support.escalation.paging.EscalationPolicy.Assignment;
import no.biztek.support.escalation.paging.EscalationPolicy.Step;
import no.biztek.support.kafka.serde.JsonSerde;
import no.biztek.support.kafka.timer.Timer;

/**
 * A page as the topology keeps it: the value of the {@code pages} state store (JSON, key
 * {@code ticketId|pageId}). Its changelog topic is what every instance's {@link PageBoard} reads, so the
 * API and the delivery see exactly the state the topology committed. Fields added later are null in
 * older records.
 *
 * @param startLevel      the level it started at (a new round starts there again)
 * @param pagedAt         when it was first paged
 * @param levelPagedAt    when its current level was paged
 * @param acknowledgeBy   when the current level's acknowledgement timeout passes
 * @param acknowledgedBy  who acknowledged it (ACKNOWLEDGED, and WITHDRAWN after an acknowledgement)
 * @param acknowledgedVia API or LINK (as acknowledgedBy)
 * @param endedAt         when it was acknowledged, closed, exhausted or (while it still paged) withdrawn
 * @param timerAt         when its one timer is due ({@link #timer()}), or null; records written before the timer index
 *                        kept the timer's key ({@code timerKey}) instead, which is read as its instant
 * @param pagedPeople     everyone paged for it so far, each once, in the order they were first paged; null in
 *                        records written before it existed (then {@link #everyonePaged()} knows the current person)
 * @param withdrawnAt     when its cause was withdrawn (WITHDRAWN)
 * @param withdrawal      why, in words (WITHDRAWN), e.g. "breach withdrawn: first response recorded at 09:55"
 * @param acknowledgedByToken the name of the API token an API acknowledgement was made with (as acknowledgedBy);
 *                        null for a link (its recipient is the acknowledger) and in records written before it existed
 */
public record PageState(String pageId, String ticketId, String customerId, String severity, String cause,
                        int startLevel, int level, int round, String levelName, String personName,
                        String personEmail, Instant pagedAt, Instant levelPagedAt, Instant acknowledgeBy,
                        Status status, String acknowledgedBy, String acknowledgedVia, Instant endedAt,
                        @JsonAlias("timerKey") @JsonDeserialize(using = TimerAtJson.class) Instant timerAt,
                        List<Paged> pagedPeople, Instant withdrawnAt, String withdrawal,
                        String acknowledgedByToken) {

    /** The value serde of the {@code pages} store and its changelog. */
    public static final JsonSerde<PageState> SERDE = JsonSerde.of(PageState.class);

    public enum Status {
        /** Paging: a level's timer is armed. */
        OPEN,
        /** Every level of every round timed out without an acknowledgement; still open for an acknowledgement. */
        EXHAUSTED,
        ACKNOWLEDGED,
        /** The ticket got its first response, was resolved, or was downgraded from a severity that pages 24x7. */
        CLOSED,
        /**
         * Its cause was withdrawn (an SLA breach corrected away by a late fact), whether it was still paging,
         * exhausted, acknowledged or closed: everyone paged is told. Final.
         */
        WITHDRAWN;

        public boolean awaitsAcknowledgement() {
            return this == OPEN || this == EXHAUSTED;
        }
    }

    /** A person paged for the page. */
    public record Paged(String name, String email) {
    }

    /** Everyone paged for the page, in paging order; a record from before the list existed knows only the last. */
    public List<Paged> everyonePaged() {
        return pagedPeople != null ? pagedPeople : List.of(new Paged(personName, personEmail));
    }

    /** Its one timer: while OPEN the current level's timeout, once ended the one that forgets it; null when none. */
    Timer timer() {
        if (timerAt == null) {
            return null;
        }
        return status == Status.OPEN ? PageTimers.escalate(timerAt, ticketId, pageId)
                : PageTimers.purgePage(timerAt, ticketId, pageId);
    }

    Step step() {
        return new Step(level, round);
    }

    PageState assigned(Assignment assignment, Instant now, Instant newTimerAt) {
        List<Paged> people = new ArrayList<>(everyonePaged());
        String email = assignment.person().email();
        if (people.stream().noneMatch(p -> p.email().equalsIgnoreCase(email))) {
            people.add(new Paged(assignment.person().name(), email));
        }
        return new PageState(pageId, ticketId, customerId, severity, cause, startLevel, assignment.step().level(),
                assignment.step().round(), assignment.levelName(), assignment.person().name(), email, pagedAt, now,
                assignment.acknowledgeBy(), Status.OPEN, null, null, null, newTimerAt, List.copyOf(people), null,
                null, null);
    }

    PageState ended(Status newStatus, String by, String via, String byToken, Instant at, Instant newTimerAt) {
        return new PageState(pageId, ticketId, customerId, severity, cause, startLevel, level, round, levelName,
                personName, personEmail, pagedAt, levelPagedAt, acknowledgeBy, newStatus, by, via, at, newTimerAt,
                pagedPeople, null, null, byToken);
    }

    /** Withdrawn; an acknowledged or closed page keeps who acknowledged it and when it ended. */
    PageState withdrawn(Instant at, String explanation, Instant newTimerAt) {
        Instant ended = status == Status.ACKNOWLEDGED || status == Status.CLOSED ? endedAt : at;
        return new PageState(pageId, ticketId, customerId, severity, cause, startLevel, level, round, levelName,
                personName, personEmail, pagedAt, levelPagedAt, acknowledgeBy, Status.WITHDRAWN, acknowledgedBy,
                acknowledgedVia, ended, newTimerAt, pagedPeople, at, explanation, acknowledgedByToken);
    }
}
