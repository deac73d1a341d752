package no.biztek.support.notification.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.notification.NotificationTemplate;

/**
 * The mail templates, one resource file per template and language under {@code templates/mail/<locale>/}:
 * a {@code subject:} line, then a {@code --- text} part and a {@code --- html} part. All are loaded and
 * checked at start-up, so a missing or broken template fails the service, not a customer's mail.
 */
final class MailTemplates {

    static final String ROOT = "templates/mail/";
    private static final String TEXT_MARK = "--- text";
    private static final String HTML_MARK = "--- html";
    private static final String SUBJECT_PREFIX = "subject:";

    /** One template in one language. */
    record Template(TemplateText subject, TemplateText text, TemplateText html) {
    }

    private final Map<CustomerLocale, Map<NotificationTemplate, Template>> templates = new EnumMap<>(CustomerLocale.class);

    MailTemplates(Set<String> knownValues) {
        for (CustomerLocale locale : CustomerLocale.values()) {
            Map<NotificationTemplate, Template> forLocale = new EnumMap<>(NotificationTemplate.class);
            for (NotificationTemplate template : NotificationTemplate.values()) {
                if (template == NotificationTemplate.OTHER) {
                    continue;
                }
                String resource = resourceName(locale, template);
                Template parsed = parse(resource, read(resource));
                Set<String> unknown = new HashSet<>();
                for (TemplateText part : new TemplateText[] {parsed.subject(), parsed.text(), parsed.html()}) {
                    part.names().stream().filter(name -> !knownValues.contains(name)).forEach(unknown::add);
                }
                if (!unknown.isEmpty()) {
                    throw new IllegalStateException(resource + ": unknown placeholders " + unknown);
                }
                forLocale.put(template, parsed);
            }
            templates.put(locale, forLocale);
        }
    }

    Template get(CustomerLocale locale, NotificationTemplate template) {
        Template found = templates.get(locale).get(template);
        if (found == null) {
            throw new IllegalArgumentException("no mail template for " + template);
        }
        return found;
    }

    static String resourceName(CustomerLocale locale, NotificationTemplate template) {
        return ROOT + locale.name().toLowerCase(Locale.ROOT) + "/"
                + template.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
    }

    private static String read(String resource) {
        try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("mail template " + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mail template " + resource, e);
        }
    }

    private static Template parse(String resource, String content) {
        int firstNewline = content.indexOf('\n');
        int text = content.indexOf("\n" + TEXT_MARK + "\n");
        int html = content.indexOf("\n" + HTML_MARK + "\n");
        if (firstNewline < 0 || !content.startsWith(SUBJECT_PREFIX) || text < 0 || html < text) {
            throw new IllegalStateException(resource + ": expected a 'subject:' line, then '" + TEXT_MARK
                    + "' and '" + HTML_MARK + "' parts");
        }
        String subject = content.substring(SUBJECT_PREFIX.length(), firstNewline).strip();
        String textPart = content.substring(text + TEXT_MARK.length() + 2, html).strip() + "\n";
        String htmlPart = content.substring(html + HTML_MARK.length() + 2).strip() + "\n";
        return new Template(new TemplateText(subject), new TemplateText(textPart), new TemplateText(htmlPart));
    }
}
