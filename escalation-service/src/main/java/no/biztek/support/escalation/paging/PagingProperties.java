package no.biztek.support.escalation.paging;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.Severity;

/**
 * Who is paged, when, and how a page moves on. Validated at start-up: a bad value fails start-up with
 * a message naming the property.
 *
 * @param schedule    the on-call rotation, its weekly handover and dated overrides: the seed of the schedule topic
 *                    (used while the topic holds no schedule; see the schedule package)
 * @param policy      the escalation levels and how many rounds through them
 * @param breachPaging which severities page on an SLA breach of the first-response metric, and at which level
 *                    (1-based); a severity not listed does not page on breach
 * @param breachPagingByMetric the same for the other metrics (key: the metric's id, e.g. {@code resolution}); a
 *                    metric not listed pages nobody on breach. First response stays {@code breachPaging}'s.
 * @param ackLink     the one-click acknowledgement link in every page
 */
@Validated
@ConfigurationProperties("support.escalation.paging")
public record PagingProperties(@NotNull @Valid Schedule schedule, @NotNull @Valid Policy policy,
                               Map<Severity, Integer> breachPaging,
                               Map<String, Map<Severity, Integer>> breachPagingByMetric,
                               @NotNull @Valid AckLink ackLink) {

    public PagingProperties {
        breachPaging = breachPaging == null ? Map.of() : Map.copyOf(breachPaging);
        Map<String, Map<Severity, Integer>> byMetric = new TreeMap<>();
        if (breachPagingByMetric != null) {
            breachPagingByMetric.forEach((metric, levels) -> byMetric.put(metric,
                    levels == null ? Map.of() : Map.copyOf(levels)));
        }
        breachPagingByMetric = Map.copyOf(byMetric);
        byMetric.keySet().forEach(PagingProperties::checkMetric);
        if (policy != null && policy.levels() != null) {
            int levels = policy.levels().size();
            checkLevels("breach-paging", breachPaging, levels);
            byMetric.forEach((metric, bySeverity) ->
                    checkLevels("breach-paging-by-metric." + metric, bySeverity, levels));
        }
    }

    /** Which breaches page, of every metric: first response from {@code breachPaging}, the others from by-metric. */
    public BreachPaging breachLevels() {
        Map<Metric, Map<Severity, Integer>> levels = new EnumMap<>(Metric.class);
        levels.put(Metric.FIRST_RESPONSE, breachPaging);
        breachPagingByMetric.forEach((metric, bySeverity) -> levels.put(Metric.byId(metric).orElseThrow(), bySeverity));
        return new BreachPaging(levels);
    }

    private static void checkMetric(String metric) {
        if (Metric.byId(metric).isEmpty()) {
            throw new IllegalArgumentException("breach-paging-by-metric." + metric + ": unknown metric, expected one of "
                    + Metric.ids());
        }
        // one place for each setting: every existing configuration sets first response in breach-paging
        if (Metric.FIRST_RESPONSE.id().equals(metric)) {
            throw new IllegalArgumentException("breach-paging-by-metric." + metric
                    + ": set first-response breaches in breach-paging");
        }
    }

    private static void checkLevels(String property, Map<Severity, Integer> bySeverity, int levels) {
        bySeverity.forEach((severity, level) -> {
            if (level == null || level < 1 || level > levels) {
                throw new IllegalArgumentException(property + "." + severity + ": must be a level from 1 to "
                        + levels + ", was " + level);
            }
        });
    }

    /**
     * A person who can be paged.
     *
     * @param name    shown in pages and events
     * @param email   where e-mail pages go (and the identity in events)
     * @param webhook the person's own webhook (e.g. a phone push bridge); unset: the default webhook
     */
    public record Engineer(@NotBlank String name, @NotBlank @Email String email, URI webhook) {

        public Engineer {
            webhook = webhook == null || webhook.toString().isBlank() ? null : webhook;
        }
    }

    /**
     * The weekly rotation: the engineer at index {@code n mod size} is on call from the n-th handover
     * after {@code rotationStart} to the next one.
     *
     * @param zone          zone of the handover time
     * @param handoverDay   day of the weekly handover
     * @param handoverTime  time of the weekly handover
     * @param rotationStart date of the first handover (a {@code handoverDay}); the first engineer starts then
     * @param rotation      engineers in rotation order
     * @param overrides     dated replacements of the engineer on call (holidays, swaps)
     */
    public record Schedule(@NotNull ZoneId zone, @NotNull DayOfWeek handoverDay, @NotNull LocalTime handoverTime,
                           @NotNull LocalDate rotationStart, @NotEmpty List<@Valid Engineer> rotation,
                           List<@Valid Override> overrides) {

        public Schedule {
            overrides = overrides == null ? List.of() : List.copyOf(overrides);
            if (rotationStart != null && handoverDay != null && rotationStart.getDayOfWeek() != handoverDay) {
                throw new IllegalArgumentException("rotation-start: " + rotationStart + " is a "
                        + rotationStart.getDayOfWeek() + ", not the handover-day " + handoverDay);
            }
        }
    }

    /**
     * From {@code from} (inclusive) to {@code to} (exclusive) {@code engineer} is on call instead of the
     * rotation's engineer at the rotation position {@code rotationOffset} (unset or 0: the engineer on call; 1: the
     * secondary ...). The last matching override of a position wins.
     */
    public record Override(@NotNull OffsetDateTime from, @NotNull OffsetDateTime to,
                           @NotNull @Valid Engineer engineer, @Min(0) Integer rotationOffset) {

        @ConstructorBinding
        public Override {
            if (from != null && to != null && !to.isAfter(from)) {
                throw new IllegalArgumentException("overrides: to (" + to + ") must be after from (" + from + ")");
            }
            rotationOffset = rotationOffset == null ? 0 : rotationOffset;
        }

        /** An override of the engineer on call (rotation position 0). */
        public Override(OffsetDateTime from, OffsetDateTime to, Engineer engineer) {
            this(from, to, engineer, 0);
        }
    }

    /**
     * @param levels levels in order, e.g. on-call engineer, secondary, duty manager
     * @param rounds how many times the levels are gone through before paging stops
     */
    public record Policy(@NotEmpty List<@Valid Level> levels, @Min(1) int rounds) {
    }

    /**
     * One level of the escalation policy: who is paged, and how long they have to acknowledge.
     *
     * @param name               e.g. "on-call engineer"
     * @param rotationOffset     the rotation's engineer on call (0) or the one after them (1: secondary) ...
     * @param person             a named person instead of the rotation (e.g. the duty manager)
     * @param acknowledgeWithin  the acknowledgement timeout of this level
     */
    public record Level(@NotBlank String name, @Min(0) Integer rotationOffset, @Valid Engineer person,
                        @NotNull Duration acknowledgeWithin) {

        public Level {
            if ((rotationOffset == null) == (person == null)) {
                throw new IllegalArgumentException("levels: level '" + name
                        + "' needs exactly one of rotation-offset and person");
            }
            if (acknowledgeWithin != null && (acknowledgeWithin.isNegative() || acknowledgeWithin.isZero())) {
                throw new IllegalArgumentException("levels: acknowledge-within of level '" + name
                        + "' must be positive, was " + acknowledgeWithin);
            }
        }
    }

    /**
     * The one-click acknowledgement links. Outside the {@code local} profile the keys must also pass
     * {@link SigningKeyStrength} (checked at start-up, see {@code PagingConfiguration}).
     *
     * @param baseUrl               where engineers reach this service, e.g. https://escalation.biztek.no
     * @param signingKey            HMAC-SHA256 key of the link tokens (at least 32 characters; keep it secret); signs
     *                              every new link and verifies them
     * @param validFor              how long a link stays valid after the page was sent
     * @param previousSigningKey    the key before a rotation: links signed with it still verify until
     *                              {@code previousKeyValidUntil}; unset: none
     * @param previousKeyValidUntil until when (exclusive) links signed with the previous key verify; required with
     *                              a previous key; set it to the rotation time plus {@code validFor}
     */
    public record AckLink(@NotNull URI baseUrl, @NotBlank String signingKey, @NotNull Duration validFor,
                          String previousSigningKey, OffsetDateTime previousKeyValidUntil) {

        public AckLink {
            // checked here rather than with @Size, so that the error message does not echo the key
            if (signingKey != null && !signingKey.isBlank() && signingKey.length() < 32) {
                throw new IllegalArgumentException("ack-link.signing-key: must be at least 32 characters, was "
                        + signingKey.length());
            }
            previousSigningKey = previousSigningKey == null || previousSigningKey.isBlank() ? null : previousSigningKey;
            if (previousSigningKey == null) {
                previousKeyValidUntil = null;
            } else {
                if (previousSigningKey.length() < 32) {
                    throw new IllegalArgumentException("ack-link.previous-signing-key: must be at least 32 characters, "
                            + "was " + previousSigningKey.length());
                }
                if (previousSigningKey.equals(signingKey)) {
                    throw new IllegalArgumentException("ack-link.previous-signing-key: must differ from signing-key");
                }
                if (previousKeyValidUntil == null) {
                    throw new IllegalArgumentException("ack-link.previous-key-valid-until: required with "
                            + "previous-signing-key (e.g. the rotation time plus valid-for)");
                }
            }
        }

        /** Until when links signed with the previous key verify; null without a previous key. */
        public java.time.Instant previousKeyValidUntilInstant() {
            return previousKeyValidUntil == null ? null : previousKeyValidUntil.toInstant();
        }
    }
}
