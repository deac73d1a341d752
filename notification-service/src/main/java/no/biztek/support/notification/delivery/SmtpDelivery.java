package no.biztek.support.notification.delivery;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import no.biztek.support.notification.config.NotificationProperties;
import no.biztek.support.notification.compose.Contact;

/**
 * Hands one notification's mail to the SMTP server: multipart plain text + HTML, a Message-ID derived from
 * the notificationId (so a mail sent twice can be recognised as one by servers and mail clients), and
 * headers marking it as automatic and threading it per ticket.
 */
class SmtpDelivery {

    /** What the server accepted, refused for good, and refused only for now (4xx). */
    record Result(List<String> delivered, List<String> rejected, List<String> deferred, String reason) {
    }

    private final JavaMailSenderImpl mailSender;
    private final NotificationProperties.Mail mail;
    private final Clock clock;

    SmtpDelivery(JavaMailSenderImpl mailSender, NotificationProperties.Mail mail, Clock clock) {
        this.mailSender = mailSender;
        this.mail = mail;
        this.clock = clock;
    }

    /**
     * Sends the command's mail to the given recipients.
     *
     * @throws TransientDeliveryException when trying again later may succeed
     * @throws PermanentDeliveryException when no recipient was reached and trying again cannot help
     */
    Result send(NotificationCommand command, List<Contact> recipients) {
        List<String> attempted = recipients.stream().map(Contact::email).toList();
        MimeMessage message;
        try {
            message = build(command, recipients);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new PermanentDeliveryException("the mail cannot be built: " + e.getMessage(), attempted, e);
        }
        try {
            mailSender.send(message);
            return new Result(attempted, List.of(), List.of(), null);
        } catch (MailException e) {
            SmtpFailures.Verdict verdict = SmtpFailures.classify(e, attempted);
            return switch (verdict.kind()) {
                case PARTIAL -> new Result(verdict.delivered(), verdict.rejected(), verdict.deferred(),
                        verdict.reason());
                case TRANSIENT -> throw new TransientDeliveryException(verdict.reason(), e);
                case PERMANENT -> throw new PermanentDeliveryException(verdict.reason(), attempted, e);
            };
        }
    }

    /** The Message-ID of a notification's mail. */
    String messageId(String notificationId) {
        return "<" + notificationId + "@" + mail.messageIdDomain() + ">";
    }

    private MimeMessage build(NotificationCommand command, List<Contact> recipients)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new FixedIdMimeMessage(mailSender.getSession(), messageId(command.notificationId()));
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(mail.from());
        if (mail.replyTo() != null) {
            helper.setReplyTo(mail.replyTo());
        }
        List<InternetAddress> to = new ArrayList<>();
        for (Contact recipient : recipients) {
            to.add(new InternetAddress(recipient.email(), recipient.name().isBlank() ? null : recipient.name(),
                    StandardCharsets.UTF_8.name()));
        }
        helper.setTo(to.toArray(InternetAddress[]::new));
        helper.setSubject(command.subject());
        helper.setSentDate(Date.from(clock.instant()));
        helper.setText(command.text(), command.html());
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "All");
        message.setHeader("References", "<ticket-" + command.ticketId() + "@" + mail.messageIdDomain() + ">");
        message.setHeader("X-Biztek-Notification-Id", command.notificationId());
        message.setHeader("X-Biztek-Ticket-Id", command.ticketId());
        return message;
    }

    /** Whether an address is syntactically deliverable (RFC 822, with a domain). */
    static boolean isValidAddress(String email) {
        try {
            InternetAddress address = new InternetAddress(email, true);
            address.validate();
            return email.indexOf('@') > 0;
        } catch (AddressException e) {
            return false;
        }
    }

    /** A message whose Message-ID is the given one instead of a random one. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
