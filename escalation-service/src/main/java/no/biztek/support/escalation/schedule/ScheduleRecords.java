package no.biztek.support.escalation.schedule;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import no.biztek.support.escalation.paging.PagingProperties.Engineer;
import no.biztek.support.escalation.paging.PagingProperties.Schedule;
import no.biztek.support.schemas.oncall.CalendarFeed;
import no.biztek.support.schemas.oncall.HandoverClaimed;
import no.biztek.support.schemas.oncall.OnCallEngineer;
import no.biztek.support.schemas.oncall.OnCallOverride;
import no.biztek.support.schemas.oncall.OnCallRotation;
import no.biztek.support.schemas.oncall.OnCallScheduleEntry;
import no.biztek.support.schemas.oncall.OverrideKind;

/** The schedule topic's keys and records, to and from the schedule's own types. */
final class ScheduleRecords {

    static final String PRODUCER = "escalation-service";
    static final String ROTATION_KEY = "rotation";
    static final String OVERRIDE_PREFIX = "override|";
    static final String FEED_PREFIX = "feed|";
    static final String HANDOVER_PREFIX = "handover|";
    /** Who wrote what configuration seeded. */
    static final String CONFIGURATION = "configuration";

    private ScheduleRecords() {
    }

    static String normalised(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static String overrideKey(String overrideId) {
        return OVERRIDE_PREFIX + overrideId;
    }

    static String feedKey(String email) {
        return FEED_PREFIX + normalised(email);
    }

    static String handoverKey(Instant at) {
        return HANDOVER_PREFIX + at;
    }

    static OnCallScheduleEntry entry(Object payload, String updatedBy, Instant updatedAt) {
        return OnCallScheduleEntry.newBuilder().setUpdatedBy(updatedBy).setUpdatedAt(updatedAt).setProducer(PRODUCER)
                .setPayload(payload).build();
    }

    static OnCallRotation rotation(Schedule schedule) {
        return OnCallRotation.newBuilder().setZone(schedule.zone().getId())
                .setHandoverDay(schedule.handoverDay().name()).setHandoverTime(schedule.handoverTime().toString())
                .setRotationStart(schedule.rotationStart())
                .setEngineers(schedule.rotation().stream().map(ScheduleRecords::engineer).toList()).build();
    }

    static Schedule schedule(OnCallRotation rotation) {
        return new Schedule(ZoneId.of(rotation.getZone()), DayOfWeek.valueOf(rotation.getHandoverDay()),
                LocalTime.parse(rotation.getHandoverTime()), rotation.getRotationStart(),
                rotation.getEngineers().stream().map(ScheduleRecords::engineer).toList(), List.of());
    }

    static OnCallOverride override(ScheduledOverride o) {
        return OnCallOverride.newBuilder().setOverrideId(o.id()).setKind(kind(o.kind()))
                .setRotationOffset(o.rotationOffset()).setFrom(o.from()).setTo(o.to())
                .setEngineer(engineer(o.engineer())).setReplaces(o.replaces()).setNote(o.note()).build();
    }

    static ScheduledOverride override(OnCallOverride o, String updatedBy, Instant updatedAt) {
        return new ScheduledOverride(o.getOverrideId(), o.getKind().name(), o.getRotationOffset(), o.getFrom(),
                o.getTo(), engineer(o.getEngineer()), o.getReplaces(), o.getNote(), updatedBy, updatedAt);
    }

    static CalendarFeed feed(String email, int generation) {
        return CalendarFeed.newBuilder().setEmail(normalised(email)).setGeneration(generation).build();
    }

    static HandoverClaimed claim(Instant at, String email, String instance) {
        return HandoverClaimed.newBuilder().setHandoverAt(at).setEmail(normalised(email)).setInstance(instance)
                .build();
    }

    private static OverrideKind kind(String kind) {
        try {
            return OverrideKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return OverrideKind.OTHER;
        }
    }

    private static OnCallEngineer engineer(Engineer e) {
        return OnCallEngineer.newBuilder().setName(e.name()).setEmail(e.email())
                .setWebhook(e.webhook() == null ? null : e.webhook().toString()).build();
    }

    private static Engineer engineer(OnCallEngineer e) {
        return new Engineer(e.getName(), e.getEmail(), e.getWebhook() == null ? null : URI.create(e.getWebhook()));
    }
}
