package no.biztek.support.intake.customer;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

import no.biztek.support.httpapi.problem.RequestValidator;
import no.biztek.support.policy.PlanCatalogue;
import no.biztek.support.schemas.customer.Customer;

/** The customer directory over HTTP (SPEC §4). */
@RestController
@RequestMapping(path = "/api/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerController {

    private final CustomerDirectory directory;
    private final RequestValidator validator;
    private final ContractPlans plans;

    CustomerController(CustomerDirectory directory, RequestValidator validator, ContractPlans plans) {
        this.directory = directory;
        this.validator = validator;
        this.plans = plans;
    }

    @Operation(summary = "Create or replace a customer's directory entry")
    @PutMapping(path = "/{customerId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CustomerView put(@PathVariable @Pattern(regexp = CustomerIds.PATTERN, message = CustomerIds.MESSAGE) String customerId,
                     @RequestBody CustomerRequest request) {
        return CustomerView.of(directory.save(customerId, plans.require(validator.validate(request))));
    }

    @Operation(summary = "A customer's directory entry")
    @GetMapping("/{customerId}")
    CustomerView get(@PathVariable @Pattern(regexp = CustomerIds.PATTERN, message = CustomerIds.MESSAGE) String customerId) {
        return directory.find(customerId).map(CustomerView::of).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No customer " + customerId + " in the directory.");
            problem.setTitle("Unknown customer");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
    }

    /** A customer as the API shows it. */
    record CustomerView(String customerId, String name, String locale, List<CustomerRequest.Contact> notificationContacts,
                        CustomerRequest.Contract contract,
                        @Schema(description = "the SLA plan of the contract; " + PlanCatalogue.DEFAULT_PLAN
                                + " when the entry names none", example = PlanCatalogue.DEFAULT_PLAN) String plan,
                        @Schema(description = "the customer's phone for on-call engineers; absent when none is given")
                        String phone,
                        Instant updatedAt) {

        static CustomerView of(Customer customer) {
            var terms = customer.getContract();
            return new CustomerView(customer.getCustomerId(), customer.getName(),
                    customer.getLocale().name().toLowerCase(Locale.ROOT),
                    customer.getNotificationContacts().stream()
                            .map(p -> new CustomerRequest.Contact(p.getName(), p.getEmail())).toList(),
                    terms == null ? null : new CustomerRequest.Contract(terms.getVendorEscalationIncluded(),
                            terms.getBillingIncrementMinutes(), terms.getHourlyRateNok(),
                            terms.getAfterHoursMultiplier()),
                    customer.getPlan() == null ? PlanCatalogue.DEFAULT_PLAN : customer.getPlan(),
                    customer.getPhone(), customer.getUpdatedAt());
        }
    }
}
