package no.biztek.support.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** docker-compose.yml, the Prometheus config and alert rules, and the Grafana dashboard are valid. */
class DeploymentFilesTest {

    private final Path root = Repository.root();

    @Test
    void composeFileIsValidWithAnEnvFileFilledInAsTheExampleSays(@TempDir Path dir) throws Exception {
        Tool.assumeInstalled("docker-compose");
        Path env = filledExample(dir);

        Tool.Result result = Tool.run(root, "docker-compose", "--env-file", env.toString(), "config", "-q");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void theExampleNamesEveryVariableComposeRequiresAndLeavesTheSecretsEmpty() throws Exception {
        Map<String, String> example = envFile(root.resolve(".env.example"));

        assertThat(example.keySet()).containsAll(requiredByCompose());
        assertThat(example).containsEntry("ESCALATION_ACK_SIGNING_KEY", "").containsEntry("GRAFANA_ADMIN_PASSWORD", "")
                .containsEntry("FORWARDING_TOKEN", "");
        assertThat(Files.readString(root.resolve(".gitignore")).lines()).contains(".env");
    }

    @Test
    void composeRefusesToStartWithoutTheSecretsItNeeds(@TempDir Path dir) throws Exception {
        Tool.assumeInstalled("docker-compose");
        for (String secret : List.of("ESCALATION_ACK_SIGNING_KEY", "GRAFANA_ADMIN_PASSWORD", "FORWARDING_TOKEN",
                "TICKETS_TOKEN_SHA256", "CUSTOMERS_TOKEN_SHA256")) {
            Path env = dir.resolve(secret + ".env");
            Files.write(env, Files.readAllLines(filledExample(dir)).stream()
                    .filter(line -> !line.startsWith(secret + "=")).toList());

            Tool.Result result = Tool.run(root, "docker-compose", "--env-file", env.toString(), "config", "-q");

            assertThat(result.exitCode()).as(secret).isNotZero();
            assertThat(result.output()).contains(secret);
        }
    }

    @Test
    void composePublishesMailPrometheusAndGrafanaOnLoopbackOnlyAndGrafanaWithoutAnonymousAccess(@TempDir Path dir)
            throws Exception {
        JsonNode services = composedServices(dir);
        for (String service : List.of("mail", "prometheus", "grafana")) {
            assertThat(services.get(service).get("ports")).as(service + " publishes ports").isNotEmpty()
                    .allSatisfy(port -> assertThat(port.isString() ? port.asString() : port.get("host_ip").asString())
                            .as(service).startsWith("127.0.0.1"));
        }
        JsonNode grafana = services.get("grafana").get("environment");
        assertThat(grafana.get("GF_AUTH_ANONYMOUS_ENABLED").asString()).isEqualTo("false");
        assertThat(grafana.get("GF_SECURITY_ADMIN_PASSWORD").asString()).isEqualTo("filled-GRAFANA_ADMIN_PASSWORD");
    }

    @Test
    void theLocalRunBindsEveryServerToLoopback() throws Exception {
        String script = Files.readString(root.resolve("run-local.sh"));
        String kafka = Files.readString(root.resolve("local-run/kafka.sh"));

        assertThat(script).as("services").contains("--server.address=127.0.0.1")
                .as("mail server").contains("-Dgreenmail.hostname=127.0.0.1").contains("-Dgreenmail.api.hostname=127.0.0.1");
        assertThat(kafka).as("broker").contains("listeners=PLAINTEXT://127.0.0.1:").doesNotContain("0.0.0.0");
    }

    @Test
    void aScaledOutServiceHasAHostPortPerReplicaNoSharedStateAndEveryReplicaScraped(@TempDir Path dir)
            throws Exception {
        JsonNode services = composedServices(dir);
        String prometheus = Files.readString(root.resolve("observability/prometheus/prometheus.yml"));
        Set<String> scaled = new TreeSet<>();
        for (Map.Entry<String, JsonNode> entry : services.properties()) {
            JsonNode service = entry.getValue();
            int replicas = service.at("/deploy/replicas").asInt(1);
            if (replicas < 2) {
                continue;
            }
            String name = entry.getKey();
            scaled.add(name);
            assertThat(service.get("ports")).as(name + " ports").singleElement().satisfies(port -> {
                String published = port.isString() ? port.asString().split(":")[0] : port.get("published").asString();
                String[] range = published.split("-");
                assertThat(range).as(name + " publishes a range of host ports").hasSize(2);
                assertThat(Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1).as(name).isEqualTo(replicas);
            });
            String stateDir = service.at("/environment/SPRING_KAFKA_STREAMS_STATE_DIR").asString("");
            JsonNode volumes = service.get("volumes");
            if (volumes != null) {
                assertThat(volumes).as(name + ": replicas must not share a state directory")
                        .noneSatisfy(volume -> assertThat(volume.toString()).contains(stateDir));
            }
            assertThat(prometheus).as(name + ": every replica scraped").contains("names: [\"" + name + "\"]");
        }
        assertThat(scaled).contains("sla-timer-service", "notification-service");
    }

    /** The services as compose resolves them with the filled-in example environment. */
    private JsonNode composedServices(Path dir) throws Exception {
        Tool.assumeInstalled("docker-compose");
        Tool.Result config = Tool.run(root, "docker-compose", "--env-file", filledExample(dir).toString(), "config");
        assertThat(config.exitCode()).as(config.output()).isZero();
        return new tools.jackson.dataformat.yaml.YAMLMapper().readTree(config.output()).get("services");
    }

    /** .env.example with every empty value compose requires filled in, as a user following it would. */
    private Path filledExample(Path dir) throws Exception {
        Set<String> required = requiredByCompose();
        List<String> lines = Files.readAllLines(root.resolve(".env.example")).stream().map(line -> {
            int equals = line.indexOf('=');
            boolean empty = !line.startsWith("#") && equals > 0 && line.substring(equals + 1).isBlank();
            return empty && required.contains(line.substring(0, equals))
                    ? line.substring(0, equals + 1) + "filled-" + line.substring(0, equals) : line;
        }).toList();
        Path env = dir.resolve("filled.env");
        Files.write(env, lines);
        return env;
    }

    private Set<String> requiredByCompose() throws Exception {
        Set<String> required = new TreeSet<>();
        Matcher variable = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?").matcher(Files.readString(root.resolve("docker-compose.yml")));
        while (variable.find()) {
            required.add(variable.group(1));
        }
        return required;
    }

    private static Map<String, String> envFile(Path file) throws Exception {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    @Test
    void composeFileRefusesToStartWithoutAnOperatorToken(@TempDir Path empty) throws Exception {
        Tool.assumeInstalled("docker-compose");
        Path noVariables = Files.createFile(empty.resolve("empty.env"));

        Tool.Result result = Tool.run(root, "docker-compose", "--env-file", noVariables.toString(), "config", "-q");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("OPERATOR_TOKEN_SHA256");
    }

    @Test
    void alertRulesAndPrometheusConfigAreValid() throws Exception {
        Tool.assumeInstalled("promtool");

        Tool.Result rules = Tool.run(root, "promtool", "check", "rules", "observability/prometheus/alerts.yml");
        Tool.Result config = Tool.run(root, "promtool", "check", "config", "observability/prometheus/prometheus.yml");

        assertThat(rules.exitCode()).as(rules.output()).isZero();
        assertThat(rules.output()).contains("SUCCESS");
        assertThat(config.exitCode()).as(config.output()).isZero();
    }

    @Test
    void everyAlertFiresOnTheSeriesItMustAndOnNoOther() throws Exception {
        Tool.assumeInstalled("promtool");

        Tool.Result tests = Tool.run(root, "promtool", "test", "rules", "observability/prometheus/alerts.test.yml");

        assertThat(tests.exitCode()).as(tests.output()).isZero();
        assertThat(tests.output()).contains("SUCCESS");
        Set<String> alerts = new TreeSet<>();
        Matcher alert = Pattern.compile("(?m)^\\s+- alert: (\\w+)$")
                .matcher(Files.readString(root.resolve("observability/prometheus/alerts.yml")));
        while (alert.find()) {
            alerts.add(alert.group(1));
        }
        String testFile = Files.readString(root.resolve("observability/prometheus/alerts.test.yml"));
        assertThat(alerts).isNotEmpty().allSatisfy(name -> assertThat(testFile)
                .as("alerts.test.yml tests " + name).contains("alertname: " + name));
    }

    @Test
    void dashboardIsValidGrafanaJsonWithQueriesOnEveryPanel() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(Files.readString(root.resolve("observability/grafana/dashboards/support-sla.json")));

        assertThat(dashboard.get("uid").asString()).isEqualTo("support-sla");
        assertThat(dashboard.get("panels")).isNotEmpty();
        dashboard.get("panels").forEach(panel -> {
            assertThat(panel.get("title").asString()).isNotBlank();
            assertThat(panel.get("targets")).as(panel.get("title").asString()).isNotEmpty();
        });
        assertThat(MetricNames.inDashboard(dashboard)).contains("support_tickets_opened_total",
                "support_sla_met_total", "support_sla_breached_total", "support_sla_open_clocks",
                "support_sla_breach_lag_seconds_bucket", "support_oncall_pages_total",
                "support_vendor_escalations_open", "support_billable_minutes_total",
                "support_notifications_sent_total", "support_notifications_failed_total");
    }

    /** Metric names referenced by PromQL expressions. */
    static final class MetricNames {

        private static final Pattern NAME = Pattern.compile("\\b((?:support|kafka)_[a-z0-9_]+)\\b");

        static Set<String> inDashboard(JsonNode dashboard) {
            Set<String> names = new TreeSet<>();
            dashboard.get("panels").forEach(panel -> panel.get("targets")
                    .forEach(target -> names.addAll(in(target.get("expr").asString()))));
            return names;
        }

        static Set<String> in(String expression) {
            Set<String> names = new TreeSet<>();
            Matcher matcher = NAME.matcher(expression);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }
    }
}
