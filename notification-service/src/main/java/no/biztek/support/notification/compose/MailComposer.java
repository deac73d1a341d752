package no.biztek.support.notification.compose;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.HtmlUtils;

import no.biztek.support.schemas.common.CustomerLocale;

/**
 * Words and addresses a {@link Draft} for one customer: the customer's language (Norwegian bokmål unless
 * the customer chose English), a subject naming the ticket and the vendor, a plain-text and an HTML part
 * (every value HTML-escaped), and the ticket's requester plus the customer's notification contacts.
 */
public final class MailComposer {

    static final Set<String> VALUES = Set.of("ticketReference", "ticketTitle", "vendor", "vendorService",
            "caseReference", "status", "statusSince", "vendorMessage", "resolution", "cadence", "customerName");

    private static final int MAX_SUBJECT_VALUE = 80;

    private final MailTemplates templates = new MailTemplates(VALUES);

    /**
     * @param draft        what to tell
     * @param locale       the customer's language; null (customer unknown) means the default, bokmål
     * @param customerName the customer's name, or null
     * @param contacts     the customer's notification contacts (only that customer's)
     */
    public ComposedMail compose(Draft draft, CustomerLocale locale, String customerName, List<Contact> contacts) {
        CustomerLocale language = locale == null ? CustomerLocale.NB : locale;
        Wording wording = Wording.of(language);
        MailTemplates.Template template = templates.get(language, draft.template());
        Map<String, String> values = values(draft, wording, customerName);
        String subject = template.subject().render(values, MailComposer::subjectValue).strip();
        String text = template.text().render(values, MailComposer::textValue);
        String html = template.html().render(values, MailComposer::htmlValue);
        return new ComposedMail(language, Recipients.of(draft.requester(), contacts), subject, text, html);
    }

    private static Map<String, String> values(Draft draft, Wording wording, String customerName) {
        ZoneId zone = ZoneId.of(draft.zone());
        Map<String, String> values = new HashMap<>();
        values.put("ticketReference", draft.ticketReference());
        values.put("ticketTitle", draft.ticketTitle());
        values.put("vendor", wording.vendor(draft.vendor()));
        values.put("vendorService", draft.vendorService());
        values.put("caseReference", draft.caseReference());
        values.put("status", wording.status(draft.status()));
        values.put("statusSince", wording.time(draft.statusAt(), zone));
        values.put("vendorMessage", draft.vendorMessage());
        values.put("resolution", draft.resolution());
        values.put("cadence", wording.duration(draft.cadence()));
        values.put("customerName", customerName);
        return values;
    }

    /** Subject values: one line, no control characters, long values shortened. */
    private static String subjectValue(String value) {
        String line = value.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.length() <= MAX_SUBJECT_VALUE ? line : line.substring(0, MAX_SUBJECT_VALUE - 1).strip() + "…";
    }

    /** Plain-text values: line breaks kept, other control characters dropped. */
    private static String textValue(String value) {
        return value.replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
    }

    /** HTML values: escaped, line breaks shown as breaks. */
    static String htmlValue(String value) {
        return escapeHtml(textValue(value)).replace("\n", "<br>\n");
    }

    /** {@code & < > " '} as references; every other character stays (the mail is UTF-8). */
    static String escapeHtml(String value) {
        return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }
}
