package no.biztek.support.notification.delivery;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressSucceededException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;

/**
 * Reads what went wrong when a mail was handed to the SMTP server: some recipients reached (a partial
 * send), a transient failure (server unreachable, 4xx reply) worth retrying, or a permanent one (5xx reply,
 * refused or malformed address) that retrying cannot fix.
 */
final class SmtpFailures {

    enum Kind { PARTIAL, TRANSIENT, PERMANENT }

    /**
     * @param delivered addresses the server accepted the mail for (only for PARTIAL)
     * @param rejected  addresses it refused for good (a 5xx reply, or no reply telling otherwise) or that were not
     *                  sent
     * @param deferred  addresses it refused only temporarily, with nothing but 4xx replies, e.g. greylisting (only
     *                  for PARTIAL: trying them again later may succeed)
     */
    record Verdict(Kind kind, List<String> delivered, List<String> rejected, List<String> deferred, String reason) {

        Verdict {
            delivered = List.copyOf(delivered);
            rejected = List.copyOf(rejected);
            deferred = List.copyOf(deferred);
        }
    }

    private SmtpFailures() {
    }

    static Verdict classify(MailException failure, List<String> attempted) {
        List<Throwable> chain = chain(failure);
        String reason = reason(failure, chain);
        if (failure instanceof MailAuthenticationException) {
            return new Verdict(Kind.TRANSIENT, List.of(), attempted, List.of(),
                    "authentication with the mail server failed: " + reason);
        }
        if (failure instanceof MailParseException || failure instanceof MailPreparationException) {
            return new Verdict(Kind.PERMANENT, List.of(), attempted, List.of(), reason);
        }
        Map<String, List<Integer>> replies = new HashMap<>();
        Set<String> delivered = new LinkedHashSet<>();
        Set<String> rejected = new LinkedHashSet<>();
        boolean temporaryReply = false;
        boolean permanentReply = false;
        boolean unreachable = false;
        boolean badAddress = false;
        for (Throwable t : chain) {
            if (t instanceof SendFailedException sent && !(t instanceof SMTPAddressSucceededException)) {
                addAll(delivered, sent.getValidSentAddresses());
                addAll(rejected, sent.getInvalidAddresses());
                addAll(rejected, sent.getValidUnsentAddresses());
            }
            if (t instanceof SMTPAddressFailedException refused && refused.getAddress() != null) {
                replies.computeIfAbsent(refused.getAddress().getAddress(), a -> new ArrayList<>())
                        .add(refused.getReturnCode());
            }
            int code = replyCode(t);
            if (code >= 400 && code < 500) {
                temporaryReply = true;
            } else if (code >= 500) {
                permanentReply = true;
            }
            if (t instanceof MailConnectException || t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException
                    || t instanceof SocketException) {
                unreachable = true;
            }
            if (t instanceof AddressException) {
                badAddress = true;
            }
        }
        rejected.removeAll(delivered);
        if (!delivered.isEmpty()) {
            List<String> notReached = new ArrayList<>(rejected);
            attempted.stream().filter(a -> !delivered.contains(a) && !notReached.contains(a)).forEach(notReached::add);
            List<String> deferred = notReached.stream().filter(a -> onlyTemporary(replies.get(a))).toList();
            List<String> refused = notReached.stream().filter(a -> !deferred.contains(a)).toList();
            return new Verdict(Kind.PARTIAL, List.copyOf(delivered), refused, deferred, reason);
        }
        if (unreachable || temporaryReply) {
            return new Verdict(Kind.TRANSIENT, List.of(), attempted, List.of(), reason);
        }
        if (permanentReply || badAddress) {
            return new Verdict(Kind.PERMANENT, List.of(), attempted, List.of(), reason);
        }
        // anything else (an I/O error mid-session, an unexpected reply) may well pass on the next attempt
        return new Verdict(Kind.TRANSIENT, List.of(), attempted, List.of(), reason);
    }

    /** Whether every reply refusing an address was a 4xx (temporary) one. */
    private static boolean onlyTemporary(List<Integer> codes) {
        return codes != null && !codes.isEmpty() && codes.stream().allMatch(code -> code >= 400 && code < 500);
    }

    private static int replyCode(Throwable t) {
        if (t instanceof SMTPAddressFailedException address) {
            return address.getReturnCode();
        }
        if (t instanceof SMTPSendFailedException send) {
            return send.getReturnCode();
        }
        return -1;
    }

    private static void addAll(Set<String> target, Address[] addresses) {
        if (addresses == null) {
            return;
        }
        for (Address address : addresses) {
            target.add(address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
        }
    }

    /** Every throwable reachable through causes, nested messaging exceptions and failed messages. */
    private static List<Throwable> chain(Throwable root) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> ordered = new ArrayList<>();
        List<Throwable> todo = new ArrayList<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            ordered.add(t);
            todo.add(t.getCause());
            if (t instanceof MessagingException messaging) {
                todo.add(messaging.getNextException());
            }
            if (t instanceof MailSendException send) {
                todo.addAll(send.getFailedMessages().values());
                Collections.addAll(todo, send.getMessageExceptions());
            }
        }
        return ordered;
    }

    private static String reason(MailException failure, List<Throwable> chain) {
        List<String> parts = new ArrayList<>();
        for (Throwable t : chain) {
            if (t == failure || t.getMessage() == null) {
                continue;
            }
            String message = t.getMessage().strip();
            boolean success = message.matches("2\\d\\d .*");
            if (!message.isEmpty() && !success && parts.stream().noneMatch(p -> p.contains(message))) {
                parts.add(message);
            }
        }
        String detail = parts.isEmpty() ? String.valueOf(failure.getMessage()) : String.join("; ", parts);
        return detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    }
}
