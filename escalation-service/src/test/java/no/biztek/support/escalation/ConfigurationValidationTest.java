package no.biztek.support.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import no.biztek.support.escalation.delivery.DeliveryProperties;
import no.biztek.support.escalation.paging.BreachPaging;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.escalation.paging.TestPaging;
import no.biztek.support.escalation.report.ReportProperties;
import no.biztek.support.escalation.schedule.ScheduleProperties;
import no.biztek.support.escalation.vendor.VendorProperties;
import no.biztek.support.escalation.view.ViewsProperties;

/** Bad configuration fails start-up with a message naming the property. */
class ConfigurationValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({PagingProperties.class, DeliveryProperties.class, VendorProperties.class,
            ViewsProperties.class, ScheduleProperties.class, ReportProperties.class})
    static class Properties {
    }

    /** Every setting of the service, each with a valid value: the smallest paging configuration, and more. */
    private static final List<String> VALID = merged(TestPaging.SMALLEST_CONFIGURATION,
            "support.escalation.paging.policy.rounds=2",
            "support.escalation.paging.policy.levels[1].name=duty manager",
            "support.escalation.paging.policy.levels[1].person.name=Dina",
            "support.escalation.paging.policy.levels[1].person.email=dina@biztek.example",
            "support.escalation.paging.policy.levels[1].acknowledge-within=PT30M",
            "support.escalation.paging.breach-paging.SERIOUS=1",
            "support.escalation.paging.ack-link.signing-key=0123456789abcdef0123456789abcdef",
            "support.escalation.delivery.webhook.format=TEAMS",
            "support.escalation.delivery.webhook.timeout=5s",
            "support.escalation.delivery.mail.enabled=true",
            "support.escalation.delivery.mail.from=oncall@biztek.example",
            "support.escalation.delivery.retry.attempts=3",
            "support.escalation.delivery.retry.initial-backoff=1s",
            "support.escalation.delivery.retry.multiplier=2",
            "support.escalation.delivery.retry.max-backoff=10s",
            "support.escalation.vendor.time-entry-grace-after-close=P7D",
            "support.escalation.vendor.time-entry-max-age=P60D",
            "support.escalation.vendor.closed-retention=P90D",
            "support.escalation.views.resolved-ticket-retention=P30D",
            "support.escalation.views.invoice-basis-months=24",
            "support.escalation.schedule.max-override=P90D",
            "support.escalation.schedule.gap-horizon=P7D",
            "support.escalation.schedule.calendar.past=P14D",
            "support.escalation.schedule.calendar.future=P84D",
            "support.escalation.schedule.handoff.enabled=true",
            "support.escalation.schedule.handoff.check-interval=PT30S",
            "support.escalation.schedule.handoff.catch-up=PT15M",
            "support.escalation.reports.zone=Europe/Oslo",
            "support.escalation.reports.close-after=P3D",
            "support.escalation.reports.addendum-window=P90D",
            "support.escalation.reports.check-interval=PT1M",
            "support.escalation.reports.link-valid-for=P30D",
            "support.escalation.reports.instance=escalation-1");

    /** {@code base} with each override's key set to the override's value instead. */
    private static List<String> merged(List<String> base, String... overrides) {
        List<String> values = new ArrayList<>(base);
        for (String override : overrides) {
            String key = override.substring(0, override.indexOf('='));
            values.removeIf(v -> v.startsWith(key + "="));
            values.add(override);
        }
        return values;
    }

    private ApplicationContextRunner with(String... overrides) {
        List<String> values = merged(VALID, overrides);
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                        ValidationAutoConfiguration.class))
                .withUserConfiguration(Properties.class)
                .withPropertyValues(values.toArray(String[]::new));
    }

    private void assertFailsNaming(String expected, String... overrides) {
        with(overrides).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains(expected);
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aValidConfigurationStarts() {
        with().run(context -> {
            assertThat(context).hasNotFailed();
            PagingProperties paging = context.getBean(PagingProperties.class);
            assertThat(paging.policy().levels()).hasSize(2);
            assertThat(context.getBean(DeliveryProperties.class).webhook().url()).isNull();
        });
    }

    @Test
    void theReportSettingsAreValidated() {
        with().run(context -> assertThat(context.getBean(ReportProperties.class).closeAfter()).hasDays(3));
        assertFailsNaming("support.escalation.reports.close-after: must be positive, was PT0S", "support.escalation.reports.close-after=PT0S");
        assertFailsNaming("support.escalation.reports.zone", "support.escalation.reports.zone=Europe/Atlantis");
        assertFailsNaming("support.escalation.reports.instance", "support.escalation.reports.instance=");
    }

    @Test
    void anEmptyRotationFails() {
        assertFailsNaming("support.escalation.paging.schedule.rotation",
                "support.escalation.paging.schedule.rotation[0].name=",
                "support.escalation.paging.schedule.rotation[0].email=");
    }

    @Test
    void aMalformedEmailFailsNamingTheField() {
        assertFailsNaming("rotation[0].email", "support.escalation.paging.schedule.rotation[0].email=kari");
    }

    @Test
    void aRotationStartThatIsNotAHandoverDayFails() {
        assertFailsNaming("rotation-start: 2026-01-06 is a TUESDAY, not the handover-day MONDAY",
                "support.escalation.paging.schedule.rotation-start=2026-01-06");
    }

    @Test
    void aLevelNeedsExactlyOneOfRotationOffsetAndPerson() {
        assertFailsNaming("needs exactly one of rotation-offset and person",
                "support.escalation.paging.policy.levels[0].person.name=Someone",
                "support.escalation.paging.policy.levels[0].person.email=someone@biztek.example");
    }

    @Test
    void aSeedOverrideOfARotationPositionBindsAndOneWithoutIsTheEngineerOnCall() {
        with("support.escalation.paging.schedule.overrides[0].from=2026-03-03T00:00:00+01:00",
                "support.escalation.paging.schedule.overrides[0].to=2026-03-04T00:00:00+01:00",
                "support.escalation.paging.schedule.overrides[0].engineer.name=Ola",
                "support.escalation.paging.schedule.overrides[0].engineer.email=ola@biztek.example",
                "support.escalation.paging.schedule.overrides[1].from=2026-03-03T00:00:00+01:00",
                "support.escalation.paging.schedule.overrides[1].to=2026-03-04T00:00:00+01:00",
                "support.escalation.paging.schedule.overrides[1].engineer.name=Ola",
                "support.escalation.paging.schedule.overrides[1].engineer.email=ola@biztek.example",
                "support.escalation.paging.schedule.overrides[1].rotation-offset=1").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(PagingProperties.class).schedule().overrides())
                    .extracting(PagingProperties.Override::rotationOffset).containsExactly(0, 1);
        });
    }

    @Test
    void theScheduleSettingsMustBePositive() {
        assertFailsNaming("schedule.max-override: must be positive", "support.escalation.schedule.max-override=PT0S");
        assertFailsNaming("schedule.handoff.check-interval: must be positive",
                "support.escalation.schedule.handoff.check-interval=-PT1S");
        assertFailsNaming("schedule.calendar.future: must be positive",
                "support.escalation.schedule.calendar.future=PT0S");
        assertFailsNaming("schedule.handoff.catch-up: must not be negative",
                "support.escalation.schedule.handoff.catch-up=-PT1M");
    }

    @Test
    void aZeroTimeoutFails() {
        assertFailsNaming("acknowledge-within of level 'on-call engineer' must be positive",
                "support.escalation.paging.policy.levels[0].acknowledge-within=PT0S");
    }

    @Test
    void aBreachLevelBeyondTheLevelsFails() {
        assertFailsNaming("breach-paging.CRITICAL: must be a level from 1 to 2, was 3",
                "support.escalation.paging.breach-paging.CRITICAL=3");
    }

    @Test
    void breachPagingPerMetricKeepsBreachPagingForFirstResponseAndPagesNoResolutionBreachByDefault() {
        with().run(context -> {
            BreachPaging levels = context.getBean(PagingProperties.class).breachLevels();
            assertThat(levels.level("first-response", "SERIOUS")).contains(1);
            assertThat(levels.pagesNobody("first-response", "CRITICAL")).isTrue();
            assertThat(levels.pagesNobody("resolution", "SERIOUS")).isTrue();
        });
        with("support.escalation.paging.breach-paging-by-metric.resolution.CRITICAL=2").run(context -> {
            assertThat(context).hasNotFailed();
            BreachPaging levels = context.getBean(PagingProperties.class).breachLevels();
            assertThat(levels.level("resolution", "CRITICAL")).contains(2);
            assertThat(levels.pagesNobody("resolution", "SERIOUS")).isTrue();
            assertThat(levels.level("first-response", "SERIOUS")).contains(1);
            assertThat(levels.pagesNobody("first-response", "CRITICAL")).isTrue();
        });
    }

    @Test
    void aBreachLevelOfAMetricBeyondTheLevelsFails() {
        assertFailsNaming("breach-paging-by-metric.resolution.CRITICAL: must be a level from 1 to 2, was 3",
                "support.escalation.paging.breach-paging-by-metric.resolution.CRITICAL=3");
        assertFailsNaming("breach-paging-by-metric.resolution.SERIOUS: must be a level from 1 to 2, was 0",
                "support.escalation.paging.breach-paging-by-metric.resolution.SERIOUS=0");
    }

    @Test
    void anUnknownMetricFailsNamingTheKnownOnes() {
        assertFailsNaming("breach-paging-by-metric.resolve: unknown metric, expected one of [first-response, "
                + "resolution]", "support.escalation.paging.breach-paging-by-metric.resolve.CRITICAL=1");
    }

    @Test
    void firstResponseIsConfiguredInBreachPagingOnly() {
        assertFailsNaming("breach-paging-by-metric.first-response: set first-response breaches in breach-paging",
                "support.escalation.paging.breach-paging-by-metric.first-response.CRITICAL=1");
    }

    @Test
    void aShortSigningKeyFails() {
        assertFailsNaming("ack-link.signing-key: must be at least 32 characters, was 5",
                "support.escalation.paging.ack-link.signing-key=short");
        with("support.escalation.paging.ack-link.signing-key=short").run(context ->
                assertThat(messages(context.getStartupFailure())).doesNotContain("[short]"));
    }

    @Test
    void closedEscalationsMustBeKeptAtLeastAsLongAsEntriesMayReachBackAndAfterTheClose() {
        assertFailsNaming("vendor.closed-retention: must be at least time-entry-max-age (PT1440H), was PT720H",
                "support.escalation.vendor.closed-retention=P30D");
        assertFailsNaming("vendor.closed-retention: must be at least time-entry-grace-after-close",
                "support.escalation.vendor.time-entry-grace-after-close=P100D");
        assertFailsNaming("vendor.time-entry-grace-after-close: must not be negative",
                "support.escalation.vendor.time-entry-grace-after-close=-P1D");
        assertFailsNaming("views.invoice-basis-months", "support.escalation.views.invoice-basis-months=0");
        with().run(context -> assertThat(context.getBean(VendorProperties.class).timeEntryGraceAfterClose())
                .isEqualTo(java.time.Duration.ofDays(7)));
    }

    @Test
    void zeroRoundsFail() {
        assertFailsNaming("policy.rounds", "support.escalation.paging.policy.rounds=0");
    }

    @Test
    void anUnknownWebhookFormatFails() {
        assertFailsNaming("support.escalation.delivery.webhook.format", "support.escalation.delivery.webhook.format=XML");
    }

    @Test
    void anOverrideThatEndsBeforeItStartsFails() {
        assertFailsNaming("must be after from",
                "support.escalation.paging.schedule.overrides[0].from=2026-04-02T00:00:00+02:00",
                "support.escalation.paging.schedule.overrides[0].to=2026-04-01T00:00:00+02:00",
                "support.escalation.paging.schedule.overrides[0].engineer.name=Siri",
                "support.escalation.paging.schedule.overrides[0].engineer.email=siri@biztek.example");
    }
}
