package no.biztek.support.notification.pipeline;

import org.apache.kafka.streams.Topology;

import no.biztek.support.notification.cause.CauseStage;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.notification.customer.CustomerStage;
import no.biztek.support.notification.delivery.SentStage;

/**
 * The service's Kafka Streams topology (exactly-once):
 * <ol>
 *   <li>ticket stage (keyed by ticketId): ticket, escalation and notification events → drafts, once per cause;
 *       keep-informed timers; the audit view;</li>
 *   <li>customer stage (keyed by customerId): customer directory + drafts → mail commands;</li>
 *   <li>the global sent view the sender consults before sending.</li>
 * </ol>
 */
public final class NotificationTopology {

    private NotificationTopology() {
    }

    public static Topology build(PipelineSettings settings, InternalTopics topics, MailComposer composer) {
        Topology topology = new Topology();
        CauseStage.addTo(topology, settings, topics);
        CustomerStage.addTo(topology, settings, topics, composer);
        SentStage.addTo(topology, topics);
        return topology;
    }
}
