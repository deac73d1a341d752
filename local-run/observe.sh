#!/usr/bin/env bash
# Observability, for real: starts a real Prometheus (Debian's `prometheus` package) scraping the
# running local stack, plays sample traffic, and checks through Prometheus' HTTP API that the SLA
# metrics show exactly that traffic. Start the stack first, preferably with the demo policy:
#   ./run-local.sh --demo        (in another terminal)
#   local-run/observe.sh
# Prometheus stays up (http://127.0.0.1:9090, with the alert rules) until Ctrl-C.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/.run-local/prometheus"
token="local-dev-token"
auth=(-H "Authorization: Bearer $token" -H "Content-Type: application/json")
command -v prometheus >/dev/null || { echo "Needs Debian's prometheus package: apt-get install prometheus" >&2; exit 1; }
curl -sf http://127.0.0.1:8081/actuator/health/readiness >/dev/null \
  || { echo "Start the local stack first: ./run-local.sh --demo" >&2; exit 1; }

mkdir -p "$state/data"
cp "$root/observability/prometheus/alerts.yml" "$state/alerts.yml"
cat > "$state/prometheus.yml" <<YAML
global:
  scrape_interval: 2s
  evaluation_interval: 5s
rule_files: [alerts.yml]
scrape_configs:
$(for s in intake-service:8081 sla-timer-service:8082 escalation-service:8083 notification-service:8084; do
  printf '  - job_name: %s\n    metrics_path: /actuator/prometheus\n    static_configs: [{targets: ["127.0.0.1:%s"]}]\n' "${s%%:*}" "${s##*:}"
done)
YAML
prometheus --config.file="$state/prometheus.yml" --storage.tsdb.path="$state/data" \
  --web.listen-address=127.0.0.1:9090 > "$state/prometheus.log" 2>&1 &
prometheus_pid=$!
trap 'kill $prometheus_pid 2>/dev/null; wait $prometheus_pid 2>/dev/null || true' INT TERM EXIT
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:9090/-/ready >/dev/null && break; sleep 1; done

value() { # PromQL -> number (0 when empty)
  curl -sf --get http://127.0.0.1:9090/api/v1/query --data-urlencode "query=$1" \
    | sed -n 's/.*"value":\[[^,]*,"\([^"]*\)"\].*/\1/p' | head -1 | awk '{print ($1 == "" ? 0 : $1)}'
}
scraped() { [ "$(value 'count(up{job=~".*-service"} == 1)')" = "4" ]; }
for _ in $(seq 1 30); do scraped && break; sleep 1; done
scraped || { echo "Prometheus does not scrape all four services" >&2; exit 1; }
sleep 3

opened_before=$(value 'sum(support_tickets_opened_total)')
met_before=$(value 'sum(support_sla_met_total)')
breached_before=$(value 'sum(support_sla_breached_total{severity="2"})')
policy=$(curl -sf "${auth[@]}" "http://127.0.0.1:8082/api/v1/sla/preview?severity=2&openedAt=$(date -u +%Y-%m-%dT%H:%M:%SZ)")
target_minutes=$(echo "$policy" | sed -n 's/.*"targetMinutes":\([0-9]*\).*/\1/p')
echo "Policy: $policy"

run="observe-$(date +%s)"
open() {
  curl -sf -X POST "${auth[@]}" http://127.0.0.1:8081/api/v1/tickets -d "{\"source\": \"observe\",
    \"externalId\": \"$run-$1\", \"customerId\": \"kunde-as\", \"severity\": $2, \"channel\": \"API\",
    \"title\": \"Observability check\", \"description\": \"observe.sh\",
    \"requester\": {\"name\": \"Ola\", \"email\": \"ola@kunde-as.example\"}}" | sed -n 's/.*"ticketId":"\([^"]*\)".*/\1/p'
}
echo "Opening a severity-3 ticket answered at once and a severity-2 ticket nobody answers..."
answered=$(open answered 3)
open unanswered 2 > /dev/null
sleep 2
curl -sf -X POST "${auth[@]}" "http://127.0.0.1:8081/api/v1/tickets/$answered/first-response" \
  -d '{"consultant": "per@biztek.example"}' > /dev/null

expect() { # description, PromQL, expected value, seconds to wait
  for _ in $(seq 1 "$4"); do
    got=$(value "$2")
    if awk -v g="$got" -v e="$3" 'BEGIN { exit !(g == e) }'; then echo "  ok    $1: $got"; return 0; fi
    sleep 1
  done
  echo "  FAIL  $1: expected $3, Prometheus says $got ($2)" >&2
  return 1
}
status=0
expect "tickets opened" "sum(support_tickets_opened_total) - $opened_before" 2 30 || status=1
expect "first responses met" "sum(support_sla_met_total) - $met_before" 1 30 || status=1
if [ "${target_minutes:-999}" -le 5 ]; then
  wait_s=$(( target_minutes * 60 + 45 ))
  echo "Waiting up to ${wait_s}s for the severity-2 deadline (demo policy)..."
  expect "severity-2 breaches" "sum(support_sla_breached_total{severity=\"2\"}) - $breached_before" 1 "$wait_s" || status=1
  # over the last minutes only: breaches that fell due while the stack was stopped fire late on purpose
  expect "breach lag p99 under 5 s" "histogram_quantile(0.99, sum by (le) (increase(support_sla_breach_lag_seconds_bucket{trigger=\"timer\"}[3m]))) < bool 5" 1 15 || status=1
else
  echo "  skip  breaches: the policy's severity-2 target is $target_minutes min (run ./run-local.sh --demo to see one)"
fi
expect "open SLA clocks reported" "count(support_sla_open_clocks)" 1 15 || status=1

if [ "$status" = 0 ]; then echo "Prometheus shows the traffic. Explore at http://127.0.0.1:9090 (Ctrl-C stops it)."
else echo "Some metrics did not show the traffic; see above." >&2; exit 1; fi
wait $prometheus_pid
