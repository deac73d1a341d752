package no.biztek.support.policy.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import no.biztek.support.policy.InvalidPolicyException;
import no.biztek.support.policy.PolicyHistory;
import no.biztek.support.policy.Severity;
import no.biztek.support.policy.SeverityTerms;
import no.biztek.support.policy.SlaPolicy;
import no.biztek.support.policy.VendorEscalationTerms;
import no.biztek.support.policy.WarningThresholds;
import no.biztek.support.policy.calendar.BusinessCalendar;
import no.biztek.support.policy.calendar.ClosedDates;
import no.biztek.support.policy.calendar.OpeningHours;
import no.biztek.support.policy.calendar.PublicHolidays;

/**
 * Reads a policy file (YAML) into a {@link PolicyHistory}. The format is documented in the default
 * policy, {@value #DEFAULT_RESOURCE} on the classpath. Every problem is reported as an
 * {@link InvalidPolicyException} naming the file and the field.
 */
public final class PolicyFile {

    /** Classpath location of the default policy: the support terms as published. */
    public static final String DEFAULT_RESOURCE = "policy/biztek-sla-policy.yaml";

    private static final Set<String> ROOT_KEYS = Set.of("versions");
    private static final Set<String> VERSION_KEYS = Set.of("id", "effectiveFrom", "calendar", "severities",
            "warningThresholds", "downgradeReasons", "keepInformedCadence", "vendorEscalation");
    private static final Set<String> CALENDAR_KEYS = Set.of("zone", "openingHours", "publicHolidays",
            "closedEveryYear", "closedOn");
    private static final Set<String> SEVERITY_KEYS = Set.of("name", "firstResponseTarget", "pagesAroundTheClock");
    private static final Set<String> VENDOR_ESCALATION_KEYS = Set.of("included", "billingIncrement",
            "hourlyRateNok", "afterHoursMultiplier");
    private static final Set<String> DAY_KEYS = Set.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY");
    private static final Set<String> SEVERITY_LEVELS = Set.of("1", "2", "3");

    private PolicyFile() {
    }

    /** The default policy shipped with this library. */
    public static PolicyHistory defaultPolicy() {
        return fromClasspath(DEFAULT_RESOURCE);
    }

    public static PolicyHistory fromClasspath(String resource) {
        try (InputStream in = PolicyFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InvalidPolicyException(resource + ": no such policy file on the classpath");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read policy " + resource, e);
        }
    }

    public static PolicyHistory fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidPolicyException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return parse(file.toString(), text);
    }

    /** Parses policy YAML; {@code fileName} names the source in error messages. */
    public static PolicyHistory parse(String fileName, String yaml) {
        Object document;
        try (Reader reader = new StringReader(yaml)) {
            document = strictYaml().load(reader);
        } catch (YAMLException | IOException e) {
            throw new InvalidPolicyException(fileName + ": not valid YAML (" + e.getMessage() + ")", e);
        }
        YamlNode root = new YamlNode(fileName, "", document);
        List<YamlNode> versionNodes = root.asMapping(ROOT_KEYS).required("versions").asList();
        if (versionNodes.isEmpty()) {
            throw root.invalid("versions: must list at least one policy version");
        }
        List<SlaPolicy> versions = new ArrayList<>();
        for (YamlNode node : versionNodes) {
            versions.add(version(node));
        }
        return root.build(() -> new PolicyHistory(versions));
    }

    private static SlaPolicy version(YamlNode node) {
        YamlNode.Mapping fields = node.asMapping(VERSION_KEYS);
        String id = fields.required("id").asString();
        Instant effectiveFrom = fields.required("effectiveFrom")
                .as("an ISO-8601 timestamp with offset such as 2020-01-01T00:00:00+01:00",
                        text -> OffsetDateTime.parse(text).toInstant());
        BusinessCalendar calendar = calendar(fields.required("calendar"));
        Map<Severity, SeverityTerms> severities = severities(fields.required("severities"));
        WarningThresholds thresholds = fields.optional("warningThresholds")
                .map(n -> n.build(() -> new WarningThresholds(n.asList().stream().map(YamlNode::asInt).toList())))
                .orElse(WarningThresholds.DEFAULT);
        Set<String> downgradeReasons = new LinkedHashSet<>();
        for (YamlNode reason : fields.required("downgradeReasons").asList()) {
            String code = reason.asString();
            if (!code.matches("[A-Z][A-Z0-9_]*")) {
                throw reason.invalid("must be an UPPER_SNAKE_CASE reason code, was '" + code + "'");
            }
            downgradeReasons.add(code);
        }
        if (downgradeReasons.isEmpty()) {
            throw fields.required("downgradeReasons").invalid("must list at least one reason code");
        }
        Duration cadence = fields.required("keepInformedCadence").asPositiveDuration();
        VendorEscalationTerms vendorEscalation = vendorEscalation(fields.required("vendorEscalation"));
        return node.build(() -> new SlaPolicy(id, effectiveFrom, calendar, severities, thresholds, downgradeReasons,
                cadence, vendorEscalation));
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

    private static Map<Severity, SeverityTerms> severities(YamlNode node) {
        YamlNode.Mapping levels = node.asMapping(SEVERITY_LEVELS);
        Map<Severity, SeverityTerms> severities = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            YamlNode.Mapping terms = levels.required(String.valueOf(severity.level())).asMapping(SEVERITY_KEYS);
            String name = terms.required("name").asString();
            Duration target = terms.required("firstResponseTarget").asPositiveDuration();
            boolean pages = terms.optional("pagesAroundTheClock").map(YamlNode::asBoolean).orElse(false);
            severities.put(severity, terms.node().build(() -> new SeverityTerms(severity, name, target, pages)));
        }
        return severities;
    }

    private static VendorEscalationTerms vendorEscalation(YamlNode node) {
        YamlNode.Mapping fields = node.asMapping(VENDOR_ESCALATION_KEYS);
        boolean included = fields.optional("included").map(YamlNode::asBoolean).orElse(false);
        Duration increment = fields.required("billingIncrement").asPositiveDuration();
        BigDecimal rate = fields.required("hourlyRateNok").asDecimal();
        BigDecimal multiplier = fields.required("afterHoursMultiplier").asDecimal();
        return node.build(() -> new VendorEscalationTerms(included, increment, rate, multiplier));
    }

    /** YAML without implicit typing: every scalar is text, typed by the reader; duplicate keys are refused. */
    private static Yaml strictYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // none: "16:00" must not become a sexagesimal number, nor "2020-01-01" a java.util.Date
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, textOnly);
    }
}
