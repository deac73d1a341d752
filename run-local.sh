#!/usr/bin/env bash
# Runs the whole system on this machine: a Kafka broker (KRaft, from Maven Central jars), a mail
# server whose mails you can read, the four services, and sample data. Ctrl-C stops everything.
#
#   ./run-local.sh          the published support terms (business hours, Europe/Oslo)
#   ./run-local.sh --demo   the demo policy (short targets, open around the clock) plus sample traffic
#
# Needs only JDK 17+. State (Kafka data, service state, logs) lives in .run-local/ and survives
# restarts; delete that folder for a clean start.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
state="$root/.run-local"
logs="$state/logs"
mkdir -p "$logs"

demo=false
if [ "${1:-}" = "--demo" ]; then demo=true; fi

token="local-dev-token"
kafka_port=9092
smtp_port=3025
imap_port=3143
mail_api_port=8025
pids=()

stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill -TERM "${pids[$i]}" 2>/dev/null || true; done
  for _ in $(seq 1 30); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 1
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "Stopped. State is kept in $state"
}
trap stop_all INT TERM EXIT

port_open() { (echo > "/dev/tcp/127.0.0.1/$1") >/dev/null 2>&1; }

wait_until() { # description, seconds, command...
  local what="$1" seconds="$2"; shift 2
  for _ in $(seq 1 "$seconds"); do
    if "$@"; then return 0; fi
    sleep 1
  done
  echo "ERROR: $what did not come up in ${seconds}s; see $logs" >&2
  exit 1
}

ready() { curl -sf "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null; }

for port in $kafka_port $smtp_port $mail_api_port 8081 8082 8083 8084; do
  if port_open "$port"; then echo "ERROR: port $port is in use; is another local run still going?" >&2; exit 1; fi
done

echo "Building the services (first run downloads dependencies)..."
./mvnw -B -q -DskipTests package -pl intake-service,sla-timer-service,escalation-service,notification-service -am

echo "Starting Kafka on 127.0.0.1:$kafka_port..."
local-run/kafka.sh "$state/kafka" "$kafka_port" > "$logs/kafka.log" 2>&1 &
pids+=($!)
wait_until "Kafka" 120 port_open "$kafka_port"

greenmail="$state/lib/greenmail-standalone.jar"
if [ ! -s "$greenmail" ]; then
  ./mvnw -B -q dependency:copy -Dartifact=com.icegreen:greenmail-standalone:2.1.8 \
    -DoutputDirectory="$state/lib" -Dmdep.stripVersion=true
fi
echo "Starting the mail server (SMTP $smtp_port, IMAP $imap_port, API $mail_api_port)..."
java -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
  -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$mail_api_port" \
  -jar "$greenmail" > "$logs/mail.log" 2>&1 &
pids+=($!)

# every server listens on the loopback interface only: the local run publishes a development token with
# every scope and known signing keys
common=(--spring.profiles.active=local --server.address=127.0.0.1
        --spring.kafka.bootstrap-servers="127.0.0.1:$kafka_port"
        --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port")
if [ "$demo" = true ]; then
  common+=(--support.policy.file="$root/local-run/demo-policy.yaml")
fi

start_service() { # name, port, extra args...
  local name="$1" port="$2"; shift 2
  mkdir -p "$state/$name"
  java -Xms128m -Xmx384m -jar "$name/target/$name-0.1.0-SNAPSHOT.jar" "${common[@]}" --server.port="$port" "$@" \
    > "$logs/$name.log" 2>&1 &
  pids+=($!)
}

echo "Starting the services..."
start_service intake-service 8081
start_service sla-timer-service 8082 --spring.kafka.streams.state-dir="$state/sla-timer-service" \
  --support.sla.advertised-host=127.0.0.1
escalation=(--spring.kafka.streams.state-dir="$state/escalation-service"
            --support.escalation.delivery.mail.enabled=true
            --support.escalation.paging.ack-link.base-url=http://127.0.0.1:8083)
if [ "$demo" = true ]; then
  # short acknowledgement windows, so a re-escalation shows within the demo's two minutes
  escalation+=(--spring.config.additional-location="file:$root/local-run/demo-escalation.yaml")
fi
start_service escalation-service 8083 "${escalation[@]}"
start_service notification-service 8084 --spring.kafka.streams.state-dir="$state/notification-service"

for port in 8081 8082 8083 8084; do
  wait_until "the service on port $port" 180 ready "$port"
done

echo "Loading sample customers..."
for file in local-run/sample-customers/*.json; do
  id="$(basename "$file" .json)"
  curl -sf -X PUT "http://127.0.0.1:8081/api/v1/customers/$id" -H "Authorization: Bearer $token" \
    -H "Content-Type: application/json" --data-binary "@$file" > /dev/null
done

cat <<BANNER

  Support SLA platform is running$( [ "$demo" = true ] && echo " (DEMO policy: short targets, open 24x7)" ).

  intake-service        http://127.0.0.1:8081   tickets, customers, Zendesk webhook
  sla-timer-service     http://127.0.0.1:8082   SLA status and deadline preview
  escalation-service    http://127.0.0.1:8083   pages, vendor escalations, invoice basis
  notification-service  http://127.0.0.1:8084   what customers were told
  API descriptions      http://127.0.0.1:808x/v3/api-docs   (Swagger UI: /swagger-ui/index.html)
  Metrics               http://127.0.0.1:808x/actuator/prometheus
  Mails (GreenMail)     http://127.0.0.1:$mail_api_port (API)  or IMAP 127.0.0.1:$imap_port, any user/password
  Kafka                 127.0.0.1:$kafka_port
  Logs                  $logs

  Development token (local run only):  $token
    curl -H "Authorization: Bearer $token" http://127.0.0.1:8082/api/v1/sla/preview?severity=2\&openedAt=2026-03-02T09:00:00%2B01:00

  Ctrl-C stops everything.
BANNER

if [ "$demo" = true ]; then
  local-run/demo-traffic.sh "$token" 2>&1 | tee "$logs/demo-traffic.log" &
  pids+=($!)
fi

wait
