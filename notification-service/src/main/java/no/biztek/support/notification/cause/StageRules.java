package no.biztek.support.notification.cause;

import no.biztek.support.notification.stage.PipelineSettings;

/** The ticket stage's rules, wired once per task. */
record StageRules(CauseRules causes, TicketRules tickets, OutcomeRules outcomes, TellingRules telling) {

    static StageRules of(PipelineSettings settings) {
        Policies policies = new Policies(settings);
        Drafts drafts = new Drafts(policies);
        KeepInformedRules keepInformed = new KeepInformedRules(policies);
        TellingRules telling = new TellingRules(drafts, keepInformed, settings.awaitingGrace());
        return new StageRules(new CauseRules(policies, drafts, telling, settings.maxCauseAge()),
                new TicketRules(policies, telling, keepInformed), new OutcomeRules(keepInformed), telling);
    }
}
