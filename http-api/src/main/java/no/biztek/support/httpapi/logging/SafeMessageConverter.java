package no.biztek.support.httpapi.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's {@code %m} / {@code %msg} / {@code %message}, made safe by {@link LogText}: whatever a request
 * carried into a log message (CR, LF, other controls, e-mail addresses) cannot forge a line or leak an address.
 * Registered for those conversion words by {@code support-logback.xml}.
 */
public class SafeMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return LogText.safe(super.convert(event));
    }
}
