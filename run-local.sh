#!/usr/bin/env bash
# Runs the whole system on this machine: a Kafka broker (KRaft, from Maven Central jars), a mail
# server whose mails you can read, the four services, and sample data. Ctrl-C stops everything.
#
#   ./run-local.sh          the published support terms (business hours, Europe/Oslo)
#   ./run-local.sh --demo   the demo policy (short targets, open around the clock) plus sample traffic
#   ./run-local.sh --cluster [--demo]
#                           three Kafka brokers (a controller quorum of three; replication factor 3,
#                           min.insync.replicas=2) and two instances of every service (ports 8081-8084 and
#                           8091-8094, each with its own state directory; one standby replica per task)
#
# Needs only JDK 17+. State (Kafka data, service state, logs) lives in .run-local/ (a cluster's in
# .run-local/cluster/) and survives restarts; delete that folder for a clean start.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
cd "$root"
demo=false
cluster=false
for arg in "$@"; do
  case "$arg" in
    --demo) demo=true ;;
    --cluster) cluster=true ;;
    *) echo "usage: $0 [--cluster] [--demo]" >&2; exit 2 ;;
  esac
done

state="$root/.run-local"
if [ "$cluster" = true ]; then state="$root/.run-local/cluster"; fi
logs="$state/logs"
mkdir -p "$logs"

token="local-dev-token"
kafka_port=9092
brokers=1
instances=1
if [ "$cluster" = true ]; then brokers=3; instances=2; fi
broker_ports=(); voters=""
for ((n=1; n<=brokers; n++)); do
  broker_ports+=($((kafka_port + 2 * (n - 1))))
  voters+="${voters:+,}$n@127.0.0.1:$((kafka_port + 2 * (n - 1) + 1))"
done
bootstrap="$(printf '127.0.0.1:%s,' "${broker_ports[@]}")"; bootstrap="${bootstrap%,}"
service_ports=(8081 8082 8083 8084)
if [ "$cluster" = true ]; then service_ports+=(8091 8092 8093 8094); fi
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

# sla-timer's readiness means "can serve its API" (the preview needs no Kafka): its clocks are up when sla-status is
ready() {
  local group=readiness
  case "$1" in 8082|8092) group=sla-status ;; esac
  curl -sf "http://127.0.0.1:$1/actuator/health/$group" >/dev/null
}

for port in "${broker_ports[@]}" $smtp_port $mail_api_port "${service_ports[@]}"; do
  if port_open "$port"; then echo "ERROR: port $port is in use; is another local run still going?" >&2; exit 1; fi
done

echo "Building the services (first run downloads dependencies)..."
./mvnw -B -q -DskipTests package -pl intake-service,sla-timer-service,escalation-service,notification-service -am

if [ "$cluster" = true ]; then
  # one cluster id for the three nodes, kept with their data (a Kafka Uuid: 16 random bytes, base64url)
  if [ ! -s "$state/cluster-id" ]; then
    head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$state/cluster-id"
  fi
  for ((n=1; n<=brokers; n++)); do
    port="${broker_ports[$((n - 1))]}"
    echo "Starting Kafka broker $n on 127.0.0.1:$port..."
    local-run/kafka.sh "$state/kafka-$n" "$port" "$n" "$voters" "$(cat "$state/cluster-id")" \
      > "$logs/kafka-$n.log" 2>&1 &
    pids+=($!)
  done
else
  echo "Starting Kafka on 127.0.0.1:$kafka_port..."
  local-run/kafka.sh "$state/kafka" "$kafka_port" > "$logs/kafka.log" 2>&1 &
  pids+=($!)
fi
for port in "${broker_ports[@]}"; do wait_until "Kafka on port $port" 120 port_open "$port"; done

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
# every scope and known signing keys (instances advertise that address to each other: kafka-platform's default)
common=(--spring.profiles.active=local --server.address=127.0.0.1
        --spring.kafka.bootstrap-servers="$bootstrap"
        --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port")
if [ "$cluster" = true ]; then
  # topics with three replicas (min.insync.replicas=2 is the brokers' default); every Kafka Streams task has a
  # warm copy on the other instance (the platform's default of one standby replica)
  common+=(--support.kafka.replication-factor=3)
fi
if [ "$demo" = true ]; then
  common+=(--support.policy.file="$root/local-run/demo-policy.yaml")
fi

start_service() { # name, instance, port, extra args...
  local name="$1" instance="$2" port="$3" dir log; shift 3
  dir="$state/$name"; log="$logs/$name.log"
  if [ "$cluster" = true ]; then dir="$state/$name-$instance"; log="$logs/$name-$instance.log"; fi
  mkdir -p "$dir"
  java -Xms128m -Xmx384m -jar "$name/target/$name-0.1.0-SNAPSHOT.jar" "${common[@]}" --server.port="$port" \
    --spring.kafka.streams.state-dir="$dir" "$@" > "$log" 2>&1 &
  pids+=($!)
}

echo "Starting the services$( [ "$cluster" = true ] && echo ", two instances each" )..."
for ((i=1; i<=instances; i++)); do
  offset=$((10 * (i - 1)))
  start_service intake-service "$i" $((8081 + offset))
  start_service sla-timer-service "$i" $((8082 + offset))
  escalation=(--support.escalation.delivery.mail.enabled=true
              --support.escalation.paging.ack-link.base-url=http://127.0.0.1:$((8083 + offset)))
  if [ "$demo" = true ]; then
    # short acknowledgement windows, so a re-escalation shows within the demo's two minutes
    escalation+=(--spring.config.additional-location="file:$root/local-run/demo-escalation.yaml")
  fi
  start_service escalation-service "$i" $((8083 + offset)) "${escalation[@]}"
  start_service notification-service "$i" $((8084 + offset))
done

for port in "${service_ports[@]}"; do
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
$( [ "$cluster" = true ] && echo "  second instances      http://127.0.0.1:8091 ... 8094 (the same four services)" )
  API descriptions      http://127.0.0.1:808x/v3/api-docs   (Swagger UI: /swagger-ui/index.html)
  Metrics               http://127.0.0.1:808x/actuator/prometheus
  Mails (GreenMail)     http://127.0.0.1:$mail_api_port (API)  or IMAP 127.0.0.1:$imap_port, any user/password
  Kafka                 $bootstrap
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
