#!/usr/bin/env bash
# Starts a single Kafka broker in KRaft combined mode (broker + controller) from Maven Central jars,
# bound to 127.0.0.1, with its data in a folder that survives restarts. Runs in the foreground.
#   local-run/kafka.sh [data-dir] [port]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/.run-local/kafka}"
port="${2:-9092}"
controller_port=$((port + 1))
mkdir -p "$data"
classpath_file="$root/.run-local/kafka.classpath"
if [ ! -s "$classpath_file" ] || [ "$root/local-run/pom.xml" -nt "$classpath_file" ]; then
  mkdir -p "$(dirname "$classpath_file")"
  "$root/mvnw" -B -q -f "$root/local-run/pom.xml" dependency:build-classpath -Dmdep.outputFile="$classpath_file" >&2
fi
cp="$(cat "$classpath_file")"
props="$data/server.properties"
cat > "$props" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controller_port}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller_port}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${data}/logs
num.partitions=6
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
java_opts=(-Xms256m -Xmx768m -Dlogback.configurationFile="$root/local-run/logback-kafka.xml")
if [ ! -f "$data/logs/meta.properties" ]; then
  cluster_id="$(java "${java_opts[@]}" -cp "$cp" kafka.tools.StorageTool random-uuid)"
  java "${java_opts[@]}" -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$props" >&2
fi
exec java "${java_opts[@]}" -cp "$cp" kafka.Kafka "$props"
