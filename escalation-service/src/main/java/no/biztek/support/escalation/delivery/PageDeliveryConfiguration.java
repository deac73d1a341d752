package no.biztek.support.escalation.delivery;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

import no.biztek.support.escalation.api.ApiProperties;
import no.biztek.support.escalation.facts.TicketFactsLookup;
import no.biztek.support.escalation.paging.AckTokens;
import no.biztek.support.escalation.paging.PageBoard;
import no.biztek.support.escalation.paging.PageState;
import no.biztek.support.escalation.paging.PagingProperties;
import no.biztek.support.kafka.publish.AcknowledgedPublisher;
import no.biztek.support.escalation.paging.InternalTopics;
import no.biztek.support.kafka.follow.TopicFollower;

/** The page-delivery listener: what the people of a page event are told, what is delivered, what is reported. */
@Configuration(proxyBeanMethods = false)
class PageDeliveryConfiguration {

    @Bean
    OnCallMessages onCallMessages(PageBoard board, TicketFactsLookup facts, AckTokens tokens,
                                  PagingProperties paging) {
        return new OnCallMessages(board, facts, tokens, paging);
    }

    @Bean
    PageEventDelivery pageEventDelivery(PageDelivery pageDelivery, OnCallMessages messages, PageBoard board,
                                        TicketFactsLookup facts, TopicFollower<PageState> pageStateFollower,
                                        ApiProperties api, PagingProperties paging, Clock clock) {
        return new PageEventDelivery(pageDelivery, messages, board, facts, pageStateFollower, api.lookupTimeout(),
                paging.ackLink().validFor(), clock);
    }

    @Bean
    DeliveryFailedCommands deliveryFailedCommands(AcknowledgedPublisher publisher, InternalTopics topics) {
        return new DeliveryFailedCommands(publisher::send, topics.pageCommands());
    }

    @Bean
    PageDeliveryListener pageDeliveryListener(PageEventDelivery pageEventDelivery, DeliveryFailedCommands commands,
                                              MeterRegistry registry) {
        return new PageDeliveryListener(pageEventDelivery, commands, registry);
    }
}
