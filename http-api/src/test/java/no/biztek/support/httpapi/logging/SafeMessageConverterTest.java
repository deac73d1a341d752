package no.biztek.support.httpapi.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

/** The converters the shared Logback configuration puts behind %m and %wEx, called directly. */
class SafeMessageConverterTest {

    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(String message, Object... arguments) {
        return event(message, null, arguments);
    }

    private LoggingEvent event(String message, Throwable throwable, Object... arguments) {
        return new LoggingEvent(SafeMessageConverterTest.class.getName(), context.getLogger("test"), Level.INFO,
                message, throwable, arguments);
    }

    private static String message(LoggingEvent event) {
        SafeMessageConverter converter = new SafeMessageConverter();
        converter.start();
        return converter.convert(event);
    }

    @Test
    void lineBreaksInArgumentsCannotStartANewLine() {
        String logged = message(event("Ticket {} opened", "INC-1\r\n2026-03-02 INFO forged: admin logged in"));

        assertThat(logged).isEqualTo("Ticket INC-1\\r\\n2026-03-02 INFO forged: admin logged in opened")
                .doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void otherControlCharactersAreEscapedToo() {
        String logged = message(event("{}", "a\tb\u0000c\u001b[31md\u007fe\u0085f\u2028g"));

        assertThat(logged).isEqualTo("a\\tb\\u0000c\\u001B[31md\\u007Fe\\u0085f\\u2028g");
    }

    @Test
    void aControlCharacterInTheMessageItselfIsEscaped() {
        assertThat(message(event("first\nsecond"))).isEqualTo("first\\nsecond");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            kari@kunde.no                                  | k***@kunde.no
            sent to Kari <kari.nordmann+it@kunde.no>       | sent to Kari <k***@kunde.no>
            k@x.no                                         | k***@x.no
            ærlig.øystein@bedrift.no and ola@kunde.co.uk   | æ***@bedrift.no and o***@kunde.co.uk
            a.b.C@1a2b3c                                   | a.b.C@1a2b3c
            no.biztek.Thing@6d06d69c                       | no.biztek.Thing@6d06d69c
            nothing to mask @ all                          | nothing to mask @ all
            """)
    void eMailAddressesAreMaskedAndNothingElse(String text, String logged) {
        assertThat(message(event("{}", text))).isEqualTo(logged);
    }

    @Test
    void aMessageWithNothingToChangeIsTheSameString() {
        String plain = "Read support.ticket-events.v1 up to its end at start-up";

        assertThat(LogText.safe(plain)).isSameAs(plain);
    }

    @Test
    void exceptionMessagesOfTheWholeChainAreMadeSafeButTheTraceKeepsItsLines() {
        var cause = new IllegalArgumentException("bad value 'x\nFORGED kari@kunde.no'");
        var failure = new IllegalStateException("failed for ola@kunde.no\r\nFORGED", cause);
        failure.addSuppressed(new RuntimeException("also\nFORGED"));
        SafeThrowableConverter converter = new SafeThrowableConverter();
        converter.setContext(context);
        converter.start();

        String trace = converter.convert(event("failed", failure));

        assertThat(trace).contains("failed for o***@kunde.no\\r\\nFORGED")
                .contains("bad value 'x\\nFORGED k***@kunde.no'")
                .contains("also\\nFORGED")
                .contains("\n\tat ")
                .doesNotContain("kari@kunde.no").doesNotContain("ola@kunde.no");
        assertThat(trace.lines()).noneMatch(line -> line.startsWith("FORGED"));
    }
}
