package no.biztek.support.escalation.report;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import no.biztek.support.kafka.follow.TopicFollower;
import no.biztek.support.schemas.report.SlaReportClaimed;
import no.biztek.support.schemas.report.SlaReportEntry;
import no.biztek.support.schemas.report.SlaReportSnapshot;

/**
 * The frozen reports and the close claims of {@code support.sla-reports.v1}: the first claim and the first snapshot
 * of each key (a snapshot is never rewritten; should a second one ever be written, it is ignored). Kept whole: one
 * small document per customer and month.
 */
@Component
public class ReportSnapshots implements TopicFollower.View<SlaReportEntry> {

    static final String CLAIM_PREFIX = "claim|";

    private final JsonMapper json;
    private final Map<String, String> claims = new HashMap<>();
    private final Map<String, String> documents = new HashMap<>();

    ReportSnapshots(JsonMapper json) {
        this.json = json;
    }

    static String key(String customerId, YearMonth month) {
        return customerId + "|" + month;
    }

    @Override
    public synchronized void fold(String key, SlaReportEntry entry) {
        if (entry == null) {
            return; // nothing of this topic is ever deleted
        }
        if (entry.getPayload() instanceof SlaReportClaimed claimed) {
            claims.putIfAbsent(key, claimed.getInstance());
        } else if (entry.getPayload() instanceof SlaReportSnapshot snapshot) {
            documents.putIfAbsent(key, snapshot.getDocument());
        }
    }

    /** The instance whose claim to write the month's snapshot came first; null when none claimed it. */
    synchronized String claimant(String customerId, YearMonth month) {
        return claims.get(CLAIM_PREFIX + key(customerId, month));
    }

    synchronized boolean has(String customerId, YearMonth month) {
        return documents.containsKey(key(customerId, month));
    }

    /** Whether any snapshot of the customer exists. */
    synchronized boolean knows(String customerId) {
        String prefix = customerId + "|";
        return documents.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    /** The month's snapshot as written at the close. */
    Optional<SlaReport> report(String customerId, YearMonth month) {
        String document;
        synchronized (this) {
            document = documents.get(key(customerId, month));
        }
        return Optional.ofNullable(document).map(d -> json.readValue(d, SlaReport.class));
    }
}
