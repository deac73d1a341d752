package no.biztek.support.escalation.delivery;

import java.time.ZoneId;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Sends a page (with its acknowledgement link), or the withdrawal of one, as a plain-text e-mail; every free-text
 * value on one line, in the subject also shortened ({@link ChannelText}).
 */
final class MailChannel implements Channel {

    private final JavaMailSender sender;
    private final String from;
    private final ZoneId zone;

    MailChannel(JavaMailSender sender, String from, ZoneId zone) {
        this.sender = sender;
        this.from = from;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean reaches(OnCallMessage message) {
        return true;
    }

    @Override
    public void send(OnCallMessage message) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(message.email());
        mail.setSubject(message.mailSubject(zone));
        mail.setText(message.mailText(zone));
        sender.send(mail);
    }
}
