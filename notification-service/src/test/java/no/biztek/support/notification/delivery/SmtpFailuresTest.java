package no.biztek.support.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** How SMTP failures are read: what is worth retrying, what is not, and a partial send. */
class SmtpFailuresTest {

    private static final List<String> TO = List.of("kari@kunde.no", "drift@kunde.no");

    private static MailSendException failed(Exception cause) {
        Map<Object, Exception> failedMessages = new LinkedHashMap<>();
        failedMessages.put("message", cause);
        return new MailSendException(failedMessages);
    }

    private static InternetAddress address(String email) throws AddressException {
        return new InternetAddress(email);
    }

    @Test
    void anUnreachableServerIsTransient() {
        MailConnectException refused = new MailConnectException(new SocketConnectException("Connection refused",
                new ConnectException("Connection refused"), "localhost", 25, 10000));
        SmtpFailures.Verdict verdict = SmtpFailures.classify(new MailSendException("Mail server connection failed",
                refused), TO);

        assertThat(verdict.kind()).isEqualTo(SmtpFailures.Kind.TRANSIENT);
    }

    @Test
    void aTemporaryReplyIsTransientAndAPermanentOneIsNot() throws Exception {
        SMTPAddressFailedException busy = new SMTPAddressFailedException(address("kari@kunde.no"), "RCPT TO", 450,
                "450 4.2.1 mailbox busy");
        SMTPAddressFailedException unknown = new SMTPAddressFailedException(address("kari@kunde.no"), "RCPT TO", 550,
                "550 5.1.1 user unknown");

        assertThat(SmtpFailures.classify(failed(busy), TO).kind()).isEqualTo(SmtpFailures.Kind.TRANSIENT);
        SmtpFailures.Verdict refused = SmtpFailures.classify(failed(unknown), TO);
        assertThat(refused.kind()).isEqualTo(SmtpFailures.Kind.PERMANENT);
        assertThat(refused.reason()).contains("550 5.1.1 user unknown");
    }

    @Test
    void aMailRefusedAfterDataWithA5xxIsPermanent() {
        SMTPSendFailedException rejected = new SMTPSendFailedException("DATA", 554, "554 5.7.1 message rejected",
                null, new Address[0], new Address[0], new Address[0]);

        assertThat(SmtpFailures.classify(failed(rejected), TO).kind()).isEqualTo(SmtpFailures.Kind.PERMANENT);
    }

    @Test
    void aPartialSendNamesWhoGotItAndWhoDidNot() throws Exception {
        SMTPAddressFailedException unknown = new SMTPAddressFailedException(address("drift@kunde.no"), "RCPT TO", 550,
                "550 5.1.1 user unknown");
        SMTPSendFailedException partial = new SMTPSendFailedException("DATA", 250, "250 OK", unknown,
                new Address[] {address("kari@kunde.no")}, new Address[0], new Address[] {address("drift@kunde.no")});

        SmtpFailures.Verdict verdict = SmtpFailures.classify(failed(partial), TO);

        assertThat(verdict.kind()).isEqualTo(SmtpFailures.Kind.PARTIAL);
        assertThat(verdict.delivered()).containsExactly("kari@kunde.no");
        assertThat(verdict.rejected()).containsExactly("drift@kunde.no");
        assertThat(verdict.reason()).contains("550 5.1.1").doesNotContain("250 OK");
        assertThat(verdict.deferred()).isEmpty();
    }

    @Test
    void aRecipientRefusedOnlyTemporarilyWhileOthersGotTheMailIsDeferredNotRejected() throws Exception {
        SMTPAddressFailedException greylisted = new SMTPAddressFailedException(address("drift@kunde.no"), "RCPT TO",
                450, "450 4.7.1 greylisted, try again later");
        SMTPSendFailedException partial = new SMTPSendFailedException("DATA", 250, "250 OK", greylisted,
                new Address[] {address("kari@kunde.no")}, new Address[] {address("drift@kunde.no")}, new Address[0]);

        SmtpFailures.Verdict verdict = SmtpFailures.classify(failed(partial), TO);

        assertThat(verdict.kind()).isEqualTo(SmtpFailures.Kind.PARTIAL);
        assertThat(verdict.delivered()).containsExactly("kari@kunde.no");
        assertThat(verdict.deferred()).containsExactly("drift@kunde.no");
        assertThat(verdict.rejected()).isEmpty();
    }

    @Test
    void withTemporaryAndPermanentRefusalsOnlyTheTemporaryOnesAreDeferred() throws Exception {
        List<String> to = List.of("kari@kunde.no", "drift@kunde.no", "gone@kunde.no");
        SMTPAddressFailedException greylisted = new SMTPAddressFailedException(address("drift@kunde.no"), "RCPT TO",
                451, "451 4.7.1 try again later");
        SMTPAddressFailedException unknown = new SMTPAddressFailedException(address("gone@kunde.no"), "RCPT TO", 550,
                "550 5.1.1 user unknown");
        greylisted.setNextException(unknown);
        SMTPSendFailedException partial = new SMTPSendFailedException("DATA", 250, "250 OK", greylisted,
                new Address[] {address("kari@kunde.no")}, new Address[] {address("drift@kunde.no")},
                new Address[] {address("gone@kunde.no")});

        SmtpFailures.Verdict verdict = SmtpFailures.classify(failed(partial), to);

        assertThat(verdict.kind()).isEqualTo(SmtpFailures.Kind.PARTIAL);
        assertThat(verdict.deferred()).containsExactly("drift@kunde.no");
        assertThat(verdict.rejected()).containsExactly("gone@kunde.no");
    }

    @Test
    void aBadAddressIsPermanentAndFailedAuthenticationIsRetried() {
        assertThat(SmtpFailures.classify(failed(new MessagingException("bad", new AddressException("Illegal address"))),
                TO).kind()).isEqualTo(SmtpFailures.Kind.PERMANENT);
        assertThat(SmtpFailures.classify(new MailAuthenticationException("535 authentication failed"), TO).kind())
                .isEqualTo(SmtpFailures.Kind.TRANSIENT);
    }
}
