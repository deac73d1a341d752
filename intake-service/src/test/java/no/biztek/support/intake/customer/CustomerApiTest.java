package no.biztek.support.intake.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import no.biztek.support.intake.IntakeIntegrationTest;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.schemas.common.CustomerLocale;
import no.biztek.support.schemas.customer.Customer;
import no.biztek.support.schemas.topic.Topics;

class CustomerApiTest extends IntakeIntegrationTest {

    static final String BODY = """
            {"name": "Kunde AS", "locale": "nb",
             "notificationContacts": [{"name": "IT-drift", "email": "it@kunde.no"}],
             "contract": {"vendorEscalationIncluded": false, "billingIncrementMinutes": 30,
                          "hourlyRateNok": 1450.5, "afterHoursMultiplier": 2}}""";

    @Test
    void aCustomerIsWrittenToTheCompactedTopicAndReadBack() {
        String customerId = unique("kunde");

        Customer customer = written(customerId, BODY);

        assertThat(customer.getName()).isEqualTo("Kunde AS");
        assertThat(customer.getLocale()).isEqualTo(CustomerLocale.NB);
        assertThat(customer.getNotificationContacts()).singleElement()
                .satisfies(c -> assertThat(c.getEmail()).isEqualTo("it@kunde.no"));
        assertThat(customer.getContract().getBillingIncrementMinutes()).isEqualTo(30);
        assertThat(customer.getContract().getHourlyRateNok()).isEqualTo(new BigDecimal("1450.50"));
        assertThat(customer.getContract().getAfterHoursMultiplier()).isEqualTo(new BigDecimal("2.00"));

        HttpResponse<String> read = api.get("/api/v1/customers/" + customerId, READER);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("locale").asString()).isEqualTo("nb");
        assertThat(json(read).at("/contract/hourlyRateNok").decimalValue()).isEqualByComparingTo("1450.50");
    }

    @Test
    void withoutAContractThePolicyDefaultsApply() {
        String customerId = unique("kunde");

        Customer customer = written(customerId, BODY.replaceAll(",\\s*\"contract\": \\{[^}]*}", "")
                .replace("\"nb\"", "\"en\""));

        assertThat(customer.getContract()).isNull();
        assertThat(customer.getLocale()).isEqualTo(CustomerLocale.EN);
    }

    @Test
    void trailingZerosAreNotDecimals() {
        String customerId = unique("kunde");

        Customer customer = written(customerId, BODY.replace("\"hourlyRateNok\": 1450.5", "\"hourlyRateNok\": 1450.500"));

        assertThat(customer.getContract().getHourlyRateNok()).isEqualTo(new BigDecimal("1450.50"));
    }

    @Test
    void aContractNamesItsPlanWhichIsWrittenAndReadBack() {
        String customerId = unique("kunde");

        HttpResponse<String> response = api.put("/api/v1/customers/" + customerId, withPlan("\"around-the-clock\""),
                DIRECTORY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("plan").asString()).isEqualTo("around-the-clock");
        Customer customer = awaitRecord(Topics.CUSTOMERS, r -> r.key().equals(customerId)).value();
        assertThat(customer.getPlan()).isEqualTo("around-the-clock");
        HttpResponse<String> read = api.get("/api/v1/customers/" + customerId, READER);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).get("plan").asString()).isEqualTo("around-the-clock");
    }

    @Test
    void withoutAPlanTheCustomerIsOnTheDefaultPlan() {
        String customerId = unique("kunde");

        Customer customer = written(customerId, withPlan("null"));

        assertThat(customer.getPlan()).as("null on the topic: the default plan").isNull();
        assertThat(json(api.get("/api/v1/customers/" + customerId, READER)).get("plan").asString())
                .isEqualTo(PlanCatalogue.DEFAULT_PLAN);
        api.put("/api/v1/customers/" + customerId, BODY, DIRECTORY);
        assertThat(json(api.get("/api/v1/customers/" + customerId, READER)).get("plan").asString())
                .as("no plan field at all").isEqualTo(PlanCatalogue.DEFAULT_PLAN);
    }

    @Test
    void theCustomersPhoneIsWrittenAndReadBackForThePagesOfOnCallEngineers() {
        String customerId = unique("kunde");

        Customer customer = written(customerId, BODY.replaceFirst("\\{", "{\"phone\": \"+47 22 00 00 00\", "));

        assertThat(customer.getPhone()).isEqualTo("+47 22 00 00 00");
        assertThat(json(api.get("/api/v1/customers/" + customerId, READER)).get("phone").asString())
                .isEqualTo("+47 22 00 00 00");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"call me\"", "\"+\"", "\"22 00 00 00 ext. 5\"", "\"+47 <b>22</b>\""})
    void aPhoneThatIsNotANumberIsRefusedNamingTheField(String phone) {
        long before = count(Topics.CUSTOMERS.name());

        HttpResponse<String> response = api.put("/api/v1/customers/" + unique("kunde"),
                BODY.replaceFirst("\\{", "{\"phone\": " + phone + ", "), DIRECTORY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(errors(response)).containsEntry("phone",
                "must be a phone number: digits, spaces, +, -, ( and ), e.g. +47 22 00 00 00");
        assertThat(count(Topics.CUSTOMERS.name())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"gold\"", "\"\"", "\"Around-The-Clock\"", "\" standard\""})
    void aPlanThePolicyDoesNotDefineIsRefusedNamingTheFieldAndPublishesNothing(String plan) {
        long before = count(Topics.CUSTOMERS.name());

        HttpResponse<String> response = api.put("/api/v1/customers/" + unique("kunde"), withPlan(plan), DIRECTORY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(errors(response)).containsEntry("plan",
                "must be a plan of the support policy, one of [standard, around-the-clock]");
        assertThat(count(Topics.CUSTOMERS.name())).isEqualTo(before);
    }

    @Test
    void theOpenApiDescriptionDocumentsThePlan() {
        var doc = json(api.get("/v3/api-docs", null));

        assertThat(doc.at("/components/schemas/CustomerRequest/properties/plan/description").asString())
                .contains("plan of the support policy");
        assertThat(doc.at("/components/schemas/CustomerView/properties/plan").isMissingNode()).isFalse();
    }

    @Test
    void anUnknownCustomerIs404() {
        assertThat(api.get("/api/v1/customers/" + unique("nobody"), READER).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            blank name                | "name": "Kunde AS"              | "name": ""                        | name
            unknown locale            | "locale": "nb"                  | "locale": "sv"                    | locale
            malformed contact e-mail  | "email": "it@kunde.no"          | "email": "it"                     | notificationContacts[0].email
            zero increment            | "billingIncrementMinutes": 30   | "billingIncrementMinutes": 0      | contract.billingIncrementMinutes
            negative rate             | "hourlyRateNok": 1450.5         | "hourlyRateNok": -1               | contract.hourlyRateNok
            rate with three decimals  | "hourlyRateNok": 1450.5         | "hourlyRateNok": 1450.555         | contract.hourlyRateNok
            rate beyond any contract  | "hourlyRateNok": 1450.5         | "hourlyRateNok": 1e2147483647     | contract.hourlyRateNok
            multiplier below one      | "afterHoursMultiplier": 2       | "afterHoursMultiplier": 0.5       | contract.afterHoursMultiplier
            """)
    void badCustomersAreRefusedAndPublishNothing(String what, String replace, String with, String field) {
        long before = count(Topics.CUSTOMERS.name());

        HttpResponse<String> response = api.put("/api/v1/customers/" + unique("kunde"), BODY.replace(replace, with), DIRECTORY);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(errors(response)).containsKey(field);
        assertThat(count(Topics.CUSTOMERS.name())).isEqualTo(before);
    }

    @Test
    void writingCustomersNeedsTheCustomersWriteScopeNotTheTicketIntegrationsScope() {
        long before = count(Topics.CUSTOMERS.name());

        HttpResponse<String> ticketWriter = api.put("/api/v1/customers/" + unique("kunde"), BODY, WRITER);

        assertThat(ticketWriter.statusCode()).as("a tickets:write token, as Zendesk holds").isEqualTo(403);
        assertThat(json(ticketWriter).get("detail").asString()).contains("customers:write");
        assertThat(api.put("/api/v1/customers/" + unique("kunde"), BODY, READER).statusCode()).isEqualTo(403);
        assertThat(api.put("/api/v1/customers/" + unique("kunde"), BODY, null).statusCode()).isEqualTo(401);
        assertThat(count(Topics.CUSTOMERS.name())).isEqualTo(before);
        assertThat(api.get("/api/v1/customers/" + unique("kunde"), WRITER).statusCode()).as("reading needs only read")
                .isEqualTo(404);
    }

    /** Puts the customer as the directory's owner and waits for what the compacted topic then holds. */
    private Customer written(String customerId, String body) {
        HttpResponse<String> response = api.put("/api/v1/customers/" + customerId, body, DIRECTORY);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return awaitRecord(Topics.CUSTOMERS, r -> r.key().equals(customerId)).value();
    }

    private static String withPlan(String plan) {
        return BODY.replaceFirst("\\{", "{\"plan\": " + plan + ", ");
    }
}
