package no.biztek.support.escalation.paging;

import java.util.Optional;

/**
 * Where the schedule in force comes from (the schedule topic's view): empty while it holds none, and then the
 * configured schedule ({@code support.escalation.paging.schedule}) is used.
 */
@FunctionalInterface
public interface CurrentSchedule {

    Optional<PagingProperties.Schedule> current();
}
