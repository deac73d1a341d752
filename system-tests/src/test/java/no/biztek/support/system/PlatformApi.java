package no.biztek.support.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the system tests do to and read from the running platform: its HTTP APIs, the mailboxes, event ids. */
final class PlatformApi {

    static final String TOKEN = "local-dev-token";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PlatformApi() {
    }

    /** An SMTP server on a free port of the loopback, without authentication, started. */
    static GreenMail startMailServer() throws java.io.IOException {
        GreenMail mail = new GreenMail(new ServerSetup(ServiceProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        mail.start();
        return mail;
    }

    /** The on-call webhook receiver: answers 200 to every POST of /oncall, on a free port of the loopback. */
    static WireMockServer startOnCallWebhook() {
        WireMockServer webhook = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        webhook.start();
        webhook.stubFor(post(urlEqualTo("/oncall")).willReturn(aResponse().withStatus(200)));
        return webhook;
    }

    /** A request with the local run's development token (every scope). */
    static HttpResponse<String> send(ServiceProcess service, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static List<String> with(List<String> common, String... more) {
        List<String> all = new ArrayList<>(common);
        all.addAll(List.of(more));
        return all;
    }

    /** The received copies (one per mailbox) of each mail mentioning the text, by Message-ID, with their recipients. */
    static Map<String, List<Set<String>>> mailsAbout(GreenMail mail, String text) throws MessagingException {
        Map<String, List<Set<String>>> copies = new HashMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (GreenMailUtil.getWholeMessage(message).contains(text)) {
                Set<String> recipients = Arrays.stream(message.getAllRecipients())
                        .map(address -> ((InternetAddress) address).getAddress()).collect(Collectors.toSet());
                copies.computeIfAbsent(message.getMessageID(), id -> new ArrayList<>()).add(recipients);
            }
        }
        return copies;
    }

    static <E> void assertNoDuplicateIds(List<E> values, Function<E, String> id) {
        Set<String> seen = new HashSet<>();
        List<String> doubled = values.stream().map(id).filter(i -> !seen.add(i)).toList();
        assertThat(doubled).as("event ids written more than once").isEmpty();
    }
}
