package no.biztek.support.intake.inbound;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Upstream systems' JSON ticket events from {@code support.inbound.v1} (docs/inbound-topic.md). */
@Component
class InboundListener {

    private final InboundEventHandler handler;

    InboundListener(InboundEventHandler handler) {
        this.handler = handler;
    }

    @KafkaListener(id = "intake-inbound", groupId = "intake-inbound",
            topics = "#{T(no.biztek.support.schemas.topic.Topics).INBOUND.name()}",
            containerFactory = "inboundContainerFactory")
    void receive(ConsumerRecord<String, byte[]> record) {
        handler.handle(record.value(), record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()));
    }
}
