package no.biztek.support.notification.pipeline;

import org.apache.kafka.streams.Topology;

import no.biztek.support.notification.delivery.InternalTopics;
import no.biztek.support.notification.stage.PipelineSettings;
import no.biztek.support.notification.cause.CauseStage;
import no.biztek.support.notification.compose.MailComposer;
import no.biztek.support.notification.customer.CustomerDirectory;
import no.biztek.support.notification.delivery.SentStage;

/**
 * The service's Kafka Streams topology, which kafka-platform's StreamsRunner runs (exactly-once):
 * <ol>
 *   <li>the ticket stage (keyed by ticketId): ticket, escalation and notification events → mail commands, once
 *       per cause; keep-informed timers; the audit view;</li>
 *   <li>the global customer directory the ticket stage words and addresses the mails with;</li>
 *   <li>the global sent view the sender consults before sending.</li>
 * </ol>
 * No internal repartition topic: nothing depends on two topics having the same partition count.
 */
final class NotificationTopology {

    private NotificationTopology() {
    }

    static Topology build(PipelineSettings settings, InternalTopics topics, MailComposer composer) {
        Topology topology = new Topology();
        CustomerDirectory.addTo(topology);
        CauseStage.addTo(topology, settings, topics, composer);
        SentStage.addTo(topology, topics, settings);
        return topology;
    }
}
