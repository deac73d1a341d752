package no.biztek.support.escalation.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvoiceCsvTest {

    @Test
    void fieldsWithSeparatorsAreQuotedAndFormulasDefused() {
        assertThat(InvoiceCsv.field("Kari Nordmann")).isEqualTo("Kari Nordmann");
        assertThat(InvoiceCsv.field("Nordmann, Kari")).isEqualTo("\"Nordmann, Kari\"");
        assertThat(InvoiceCsv.field("Kari \"KN\" Nordmann")).isEqualTo("\"Kari \"\"KN\"\" Nordmann\"");
        assertThat(InvoiceCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(InvoiceCsv.field("-12.50")).isEqualTo("-12.50");
        assertThat(InvoiceCsv.field(null)).isEmpty();
    }
}
