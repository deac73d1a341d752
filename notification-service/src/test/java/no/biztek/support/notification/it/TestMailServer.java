package no.biztek.support.notification.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail as the real SMTP server, on a fixed port so it can be stopped and started again, and able to
 * refuse chosen recipients with {@code 550 5.1.1} at RCPT TO, as a real mail server refuses unknown users, or
 * to greylist them ({@code 450 4.7.1} for their first RCPT TOs, then accept them).
 */
final class TestMailServer {

    private final int port = freePort();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> greylisted = new ConcurrentHashMap<>();
    private final RefusingGreenMail greenMail = new RefusingGreenMail(new ServerSetup(port, "127.0.0.1", "smtp"));

    int port() {
        return port;
    }

    void start() {
        greenMail.start();
    }

    void stop() {
        greenMail.stop();
    }

    void refuse(String address) {
        refused.add(address.toLowerCase(Locale.ROOT));
    }

    /** Answers {@code 450} to the first {@code times} RCPT TOs of the address, then accepts it. */
    void greylist(String address, int times) {
        greylisted.put(address.toLowerCase(Locale.ROOT), new AtomicInteger(times));
    }

    /** Every mail the mailbox of {@code address} received. */
    List<MimeMessage> mailsTo(String address) {
        return greenMail.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), message -> true)
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class RefusingGreenMail extends GreenMail {

        RefusingGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            return super.createServices(config, new RefusingManagers(managers));
        }
    }

    private final class RefusingManagers extends Managers {

        private final Managers delegate;
        private final SmtpManager smtp;

        RefusingManagers(Managers delegate) {
            this.delegate = delegate;
            this.smtp = new SmtpManager(delegate.getImapHostManager(), delegate.getUserManager()) {
                @Override
                public String checkRecipient(SmtpState state, MailAddress rcpt) {
                    String address = rcpt.getEmail().toLowerCase(Locale.ROOT);
                    if (refused.contains(address)) {
                        return "550 5.1.1 <" + rcpt.getEmail() + ">: Recipient address rejected: User unknown";
                    }
                    AtomicInteger grey = greylisted.get(address);
                    if (grey != null && grey.getAndDecrement() > 0) {
                        return "450 4.7.1 <" + rcpt.getEmail() + ">: Recipient address rejected: Greylisted, try again";
                    }
                    return super.checkRecipient(state, rcpt);
                }
            };
        }

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }

        @Override
        public UserManager getUserManager() {
            return delegate.getUserManager();
        }

        @Override
        public ImapHostManager getImapHostManager() {
            return delegate.getImapHostManager();
        }
    }
}
