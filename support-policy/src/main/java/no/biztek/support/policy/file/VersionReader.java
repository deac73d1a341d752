package no.biztek.support.policy.file;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import no.biztek.support.policy.Metric;
import no.biztek.support.policy.PauseRules;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.SeverityTerms;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.policy.VendorEscalationTerms;
import no.biztek.support.policy.WarningThresholds;
import no.biztek.support.policy.calendar.BusinessCalendar;
import no.biztek.support.policy.calendar.ClosedDates;
import no.biztek.support.policy.calendar.OpeningHours;
import no.biztek.support.policy.calendar.PublicHolidays;

/** Reads one version of a plan from its YAML node; the format is described in the default policy file. */
final class VersionReader {

    private static final Set<String> VERSION_KEYS = Set.of("id", "effectiveFrom", "calendar", "severities",
            "warningThresholds", "pauseReasons", "downgradeReasons", "keepInformedCadence", "vendorEscalation");
    private static final Set<String> CALENDAR_KEYS = Set.of("zone", "openingHours", "publicHolidays",
            "closedEveryYear", "closedOn");
    private static final Set<String> SEVERITY_KEYS = Set.of("name", "firstResponseTarget", "resolutionTarget",
            "pagesAroundTheClock", "calendar");
    private static final Set<String> VENDOR_ESCALATION_KEYS = Set.of("included", "billingIncrement",
            "hourlyRateNok", "afterHoursMultiplier");
    private static final Set<String> DAY_KEYS = Set.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY");
    private static final Set<String> SEVERITY_LEVELS = Set.of("1", "2", "3");
    private static final String REASON_CODE = "[A-Z][A-Z0-9_]*";

    private VersionReader() {
    }

    static SlaPolicy version(String plan, YamlNode node) {
        YamlNode.Mapping fields = node.asMapping(VERSION_KEYS);
        String id = fields.required("id").asString();
        Instant effectiveFrom = fields.required("effectiveFrom")
                .as("an ISO-8601 timestamp with offset such as 2020-01-01T00:00:00+01:00",
                        text -> OffsetDateTime.parse(text).toInstant());
        BusinessCalendar calendar = calendar(fields.required("calendar"));
        Map<Severity, SeverityTerms> severities = severities(fields.required("severities"), calendar);
        WarningThresholds thresholds = fields.optional("warningThresholds")
                .map(n -> n.build(() -> new WarningThresholds(n.asList().stream().map(YamlNode::asInt).toList())))
                .orElse(WarningThresholds.DEFAULT);
        PauseRules pauseRules = fields.optional("pauseReasons").map(VersionReader::pauseRules)
                .orElse(PauseRules.DEFAULT);
        Set<String> downgradeReasons = downgradeReasons(fields.required("downgradeReasons"));
        Duration cadence = fields.required("keepInformedCadence").asPositiveDuration();
        VendorEscalationTerms vendorEscalation = vendorEscalation(fields.required("vendorEscalation"));
        return node.build(() -> new SlaPolicy(plan, id, effectiveFrom, calendar, severities, thresholds, pauseRules,
                downgradeReasons, cadence, vendorEscalation));
    }

    private static BusinessCalendar calendar(YamlNode node) {
        YamlNode.Mapping fields = node.asMapping(CALENDAR_KEYS);
        ZoneId zone = fields.required("zone").as("a time zone id such as Europe/Oslo", ZoneId::of);
        Map<DayOfWeek, OpeningHours> weekly = new EnumMap<>(DayOfWeek.class);
        YamlNode.Mapping days = fields.required("openingHours").asMapping(DAY_KEYS);
        days.entries().forEach((day, hours) -> weekly.put(DayOfWeek.valueOf(day),
                hours.as("opening hours such as 07:00-16:00", OpeningHours::parse)));
        if (weekly.isEmpty()) {
            throw fields.required("openingHours").invalid("must give opening hours for at least one day");
        }
        PublicHolidays holidays = fields.optional("publicHolidays")
                .map(n -> n.as("one of NORWAY, NONE", PublicHolidays::valueOf)).orElse(PublicHolidays.NORWAY);
        Set<MonthDay> everyYear = new LinkedHashSet<>();
        for (YamlNode date : fields.optional("closedEveryYear").map(YamlNode::asList).orElse(List.of())) {
            everyYear.add(date.as("a month and day such as 12-24", text -> MonthDay.parse("--" + text)));
        }
        Set<LocalDate> once = new LinkedHashSet<>();
        for (YamlNode date : fields.optional("closedOn").map(YamlNode::asList).orElse(List.of())) {
            once.add(date.as("a date such as 2026-12-28", LocalDate::parse));
        }
        return node.build(() -> new BusinessCalendar(zone, weekly, holidays, new ClosedDates(everyYear, once)));
    }

    private static Map<Severity, SeverityTerms> severities(YamlNode node, BusinessCalendar planCalendar) {
        YamlNode.Mapping levels = node.asMapping(SEVERITY_LEVELS);
        Map<Severity, SeverityTerms> severities = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            YamlNode.Mapping terms = levels.required(String.valueOf(severity.level())).asMapping(SEVERITY_KEYS);
            String name = terms.required("name").asString();
            Map<Metric, Duration> targets = new EnumMap<>(Metric.class);
            targets.put(Metric.FIRST_RESPONSE, terms.required("firstResponseTarget").asPositiveDuration());
            terms.optional("resolutionTarget").ifPresent(n -> targets.put(Metric.RESOLUTION, n.asPositiveDuration()));
            boolean pages = terms.optional("pagesAroundTheClock").map(YamlNode::asBoolean).orElse(false);
            BusinessCalendar calendar = terms.optional("calendar").map(VersionReader::calendar).orElse(planCalendar);
            severities.put(severity, terms.node().build(() -> new SeverityTerms(severity, name, targets, pages,
                    calendar)));
        }
        return severities;
    }

    private static PauseRules pauseRules(YamlNode node) {
        Map<String, Set<Metric>> reasons = new LinkedHashMap<>();
        node.asMapping(null).entries().forEach((reason, metrics) -> {
            if (!reason.matches(REASON_CODE)) {
                throw metrics.invalid("must be an UPPER_SNAKE_CASE reason code, was '" + reason + "'");
            }
            Set<Metric> paused = EnumSet.noneOf(Metric.class);
            for (YamlNode metric : metrics.asList()) {
                paused.add(metric.as("a metric, one of " + Metric.ids(), text -> Metric.byId(text).orElseThrow()));
            }
            reasons.put(reason, paused);
        });
        return node.build(() -> new PauseRules(reasons));
    }

    private static Set<String> downgradeReasons(YamlNode node) {
        Set<String> reasons = new LinkedHashSet<>();
        for (YamlNode reason : node.asList()) {
            String code = reason.asString();
            if (!code.matches(REASON_CODE)) {
                throw reason.invalid("must be an UPPER_SNAKE_CASE reason code, was '" + code + "'");
            }
            reasons.add(code);
        }
        if (reasons.isEmpty()) {
            throw node.invalid("must list at least one reason code");
        }
        return reasons;
    }

    private static VendorEscalationTerms vendorEscalation(YamlNode node) {
        YamlNode.Mapping fields = node.asMapping(VENDOR_ESCALATION_KEYS);
        boolean included = fields.optional("included").map(YamlNode::asBoolean).orElse(false);
        Duration increment = fields.required("billingIncrement").asPositiveDuration();
        BigDecimal rate = fields.required("hourlyRateNok").asDecimal();
        BigDecimal multiplier = fields.required("afterHoursMultiplier").asDecimal();
        return node.build(() -> new VendorEscalationTerms(included, increment, rate, multiplier));
    }
}
