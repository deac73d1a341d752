package no.biztek.support.httpapi.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Spring Boot's stack trace ({@code %wEx}), with every exception message in it made safe by {@link LogText}:
 * the trace keeps its lines, but a message (which often quotes a request) cannot add lines of its own or
 * show an e-mail address. Registered for {@code %wEx} and {@code %wex} by {@code support-logback.xml}.
 */
public class SafeThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return super.throwableProxyToString(SafeThrowableProxy.of(throwable));
    }

    /** A throwable as logged, with its message, its causes' and its suppressed exceptions' messages safe. */
    private record SafeThrowableProxy(IThrowableProxy delegate) implements IThrowableProxy {

        static IThrowableProxy of(IThrowableProxy throwable) {
            return throwable == null ? null : new SafeThrowableProxy(throwable);
        }

        @Override
        public String getMessage() {
            return LogText.safe(delegate.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return LogText.safe(delegate.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return delegate.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return delegate.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return delegate.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return of(delegate.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = delegate.getSuppressed();
            if (suppressed == null) {
                return null;
            }
            IThrowableProxy[] safe = new IThrowableProxy[suppressed.length];
            for (int i = 0; i < suppressed.length; i++) {
                safe[i] = of(suppressed[i]);
            }
            return safe;
        }

        @Override
        public boolean isCyclic() {
            return delegate.isCyclic();
        }
    }
}
