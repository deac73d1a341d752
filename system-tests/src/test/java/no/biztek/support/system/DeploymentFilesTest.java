package no.biztek.support.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
    void composeFileIsValid() throws Exception {
        Tool.assumeInstalled("docker-compose");

        Tool.Result result = Tool.run(root, "docker-compose", "--env-file", ".env.example", "config", "-q");

        assertThat(result.exitCode()).as(result.output()).isZero();
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
