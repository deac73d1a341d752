package no.biztek.support.intake.customer;

import org.springframework.stereotype.Component;

import no.biztek.support.httpapi.problem.InvalidRequestException;
import no.biztek.support.policy.PlanCatalogue;

/** The plans a customer's contract may name: those of the service's policy file. */
@Component
class ContractPlans {

    private final PlanCatalogue catalogue;

    ContractPlans(PlanCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * The request, when it names no plan or one the policy defines.
     *
     * @throws InvalidRequestException naming {@code plan} otherwise
     */
    CustomerRequest require(CustomerRequest request) {
        if (request.plan() != null && catalogue.plan(request.plan()).isEmpty()) {
            throw new InvalidRequestException("plan", "must be a plan of the support policy, one of "
                    + catalogue.planNames());
        }
        return request;
    }
}
