package no.biztek.support.notification.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.common.Vendor;
import no.biztek.support.schemas.escalation.VendorCaseStatus;
import no.biztek.support.schemas.notification.NotificationTemplate;

class MailComposerTest {

    private static final Contact REQUESTER = new Contact("Kari Nordmann", "kari@kunde.no");
    private static final List<Contact> CONTACTS = List.of(new Contact("IT-drift", "drift@kunde.no"),
            new Contact("Kari again", "KARI@kunde.no"));

    private final MailComposer composer = new MailComposer();

    private static Draft draft(NotificationTemplate template) {
        return new Draft("n-1", "cause-1", template, "esc-1", "ticket-1", "customer-1", "4711",
                "E-post virker ikke", REQUESTER, Vendor.MICROSOFT, "M365", "MS-2025-0042",
                VendorCaseStatus.FIX_IN_PROGRESS, "We are rolling out a fix.\nETA two hours.", "Patched the tenant",
                Instant.parse("2025-03-03T09:30:00Z"), Duration.ofHours(4), "Europe/Oslo",
                Instant.parse("2025-03-03T09:31:00Z"));
    }

    @Test
    void openedInBokmalNamesTicketVendorCaseAndWhatHappensNext() {
        ComposedMail mail = composer.compose(draft(NotificationTemplate.VENDOR_ESCALATION_OPENED), CustomerLocale.NB,
                "Kunde AS", CONTACTS);

        assertThat(mail.locale()).isEqualTo(CustomerLocale.NB);
        assertThat(mail.subject()).isEqualTo("Sak 4711 «E-post virker ikke»: meldt til Microsoft (saksnr. MS-2025-0042)");
        assertThat(mail.text()).contains("meldt den til Microsoft", "Microsoft sitt saksnummer: MS-2025-0042",
                "Hva skjer nå", "minst én gang per 4 timer arbeidstid", "(M365)");
        assertThat(mail.html()).contains("<strong>MS-2025-0042</strong>", "Hva skjer nå");
    }

    @Test
    void englishWhenTheCustomerChoseEnglish() {
        ComposedMail mail = composer.compose(draft(NotificationTemplate.VENDOR_ESCALATION_OPENED), CustomerLocale.EN,
                "Customer Ltd", CONTACTS);

        assertThat(mail.subject()).isEqualTo("Ticket 4711 \"E-post virker ikke\": reported to Microsoft (case MS-2025-0042)");
        assertThat(mail.text()).contains("we have now reported it to Microsoft", "What happens next",
                "at least once every 4 hours of business time");
    }

    @Test
    void bokmalIsTheDefaultWhenTheCustomerIsUnknown() {
        ComposedMail mail = composer.compose(draft(NotificationTemplate.VENDOR_ESCALATION_CLOSED), null, null, List.of());

        assertThat(mail.locale()).isEqualTo(CustomerLocale.NB);
        assertThat(mail.subject()).isEqualTo("Sak 4711 «E-post virker ikke»: løst av Microsoft");
        assertThat(mail.recipients()).containsExactly(REQUESTER);
    }

    @Test
    void statusChangeTellsTheNewStatusAndTheVendorsMessage() {
        ComposedMail nb = composer.compose(draft(NotificationTemplate.VENDOR_STATUS_CHANGED), CustomerLocale.NB, null,
                CONTACTS);
        ComposedMail en = composer.compose(draft(NotificationTemplate.VENDOR_STATUS_CHANGED), CustomerLocale.EN, null,
                CONTACTS);

        assertThat(nb.subject()).contains("4711", "Microsoft", "Retting pågår");
        assertThat(nb.text()).contains("Ny status: Retting pågår", "We are rolling out a fix.\nETA two hours.");
        assertThat(nb.html()).contains("We are rolling out a fix.<br>\nETA two hours.");
        assertThat(en.text()).contains("New status: Fix in progress", "Message from Microsoft");
    }

    @Test
    void closedTellsTheResolution() {
        ComposedMail mail = composer.compose(draft(NotificationTemplate.VENDOR_ESCALATION_CLOSED), CustomerLocale.EN,
                null, CONTACTS);

        assertThat(mail.subject()).isEqualTo("Ticket 4711 \"E-post virker ikke\": resolved by Microsoft");
        assertThat(mail.text()).contains("has resolved the fault", "Patched the tenant");
    }

    @Test
    void stillWorkingTellsTheLatestStatusAndItsTimeInOslo() {
        ComposedMail mail = composer.compose(draft(NotificationTemplate.VENDOR_STILL_WORKING), CustomerLocale.NB, null,
                CONTACTS);

        assertThat(mail.subject()).isEqualTo("Sak 4711 «E-post virker ikke»: Microsoft jobber fortsatt med saken");
        assertThat(mail.text()).contains("Siste status fra Microsoft: Retting pågår (siden 3. mars 2025 kl. 10:30)");
    }

    @Test
    void requesterThenContactsOneCopyPerMailbox() {
        ComposedMail mail = composer.compose(draft(NotificationTemplate.VENDOR_ESCALATION_OPENED), CustomerLocale.NB,
                null, CONTACTS);

        assertThat(mail.recipients()).extracting(Contact::email).containsExactly("kari@kunde.no", "drift@kunde.no");
    }

    @Test
    void everyValueIsEscapedInHtmlAndSubjectsStayOneLine() {
        Draft hostile = new Draft("n-2", "cause-2", NotificationTemplate.VENDOR_STATUS_CHANGED, "esc-1", "ticket-1",
                "customer-1", "4711", "<script>alert('x')</script>\r\nBcc: evil@example.com", REQUESTER,
                Vendor.MICROSOFT, null, "A&B<1>", VendorCaseStatus.OTHER, "<img src=x onerror=alert(1)>", null,
                null, Duration.ofMinutes(90), "Europe/Oslo", Instant.parse("2025-03-03T09:31:00Z"));

        ComposedMail mail = composer.compose(hostile, CustomerLocale.EN, null, List.of());

        assertThat(mail.html()).doesNotContain("<script>", "<img").contains("&lt;script&gt;alert(&#39;x&#39;)",
                "A&amp;B&lt;1&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        assertThat(mail.subject()).doesNotContain("\r", "\n").startsWith("Ticket 4711 \"<script>");
        assertThat(mail.text()).contains("1 hour and 30 minutes");
    }

    @ParameterizedTest
    @EnumSource(value = NotificationTemplate.class, names = "OTHER", mode = EnumSource.Mode.EXCLUDE)
    void everyTemplateRendersCompletelyInBothLanguagesEvenWithoutTicketData(NotificationTemplate template) {
        Draft unknownTicket = new Draft("n-3", "cause-3", template, "esc-1", "ticket-9", "customer-1", "ticket-9",
                null, null, Vendor.OTHER, null, "CASE-1", null, null, null, null, Duration.ofHours(4), "Europe/Oslo",
                Instant.parse("2025-03-03T09:31:00Z"));
        for (CustomerLocale locale : CustomerLocale.values()) {
            for (Draft draft : List.of(draft(template), unknownTicket)) {
                ComposedMail mail = composer.compose(draft, locale, "Kunde AS", CONTACTS);
                assertThat(mail.subject()).contains(draft.ticketReference()).doesNotContain("{{", "}}");
                assertThat(mail.text()).doesNotContain("{{", "}}").contains(draft.caseReference());
                assertThat(mail.html()).doesNotContain("{{", "}}").startsWith("<!DOCTYPE html>");
            }
        }
        ComposedMail unnamedVendor = composer.compose(unknownTicket, CustomerLocale.NB, null, CONTACTS);
        assertThat(unnamedVendor.subject()).contains("leverandøren").doesNotContain("«");
    }
}
