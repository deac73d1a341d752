#!/usr/bin/env bash
# Starts a Kafka broker in KRaft combined mode (broker + controller) from Maven Central jars, bound to
# 127.0.0.1, with its data in a folder that survives restarts. Runs in the foreground.
#   local-run/kafka.sh [data-dir] [port]                        one broker, replication factor 1
#   local-run/kafka.sh data-dir port node-id voters cluster-id  one node of a cluster: voters is the controller
#       quorum (1@127.0.0.1:9093,2@127.0.0.1:9095,...); every node is formatted with the same cluster id, and
#       replicated internal topics get three replicas with min.insync.replicas=2
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/.run-local/kafka}"
port="${2:-9092}"
controller_port=$((port + 1))
node_id="${3:-1}"
voters="${4:-1@127.0.0.1:${controller_port}}"
cluster_id="${5:-}"
replicas=1; min_isr=1
if [ -n "$cluster_id" ]; then replicas=3; min_isr=2; fi
mkdir -p "$data"
classpath_file="$root/.run-local/kafka.classpath"
# resolved again when either pom changed (the Kafka version is set in the root one)
if [ ! -s "$classpath_file" ] || [ "$root/local-run/pom.xml" -nt "$classpath_file" ] || [ "$root/pom.xml" -nt "$classpath_file" ]; then
  mkdir -p "$(dirname "$classpath_file")"
  "$root/mvnw" -B -q -f "$root/local-run/pom.xml" dependency:build-classpath -Dmdep.outputFile="$classpath_file" >&2
fi
cp="$(cat "$classpath_file")"
props="$data/server.properties"
cat > "$props" <<PROPS
process.roles=broker,controller
node.id=${node_id}
controller.quorum.voters=${voters}
listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controller_port}
advertised.listeners=PLAINTEXT://127.0.0.1:${port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${data}/logs
num.partitions=6
default.replication.factor=${replicas}
min.insync.replicas=${min_isr}
offsets.topic.replication.factor=${replicas}
transaction.state.log.replication.factor=${replicas}
transaction.state.log.min.isr=${min_isr}
share.coordinator.state.topic.replication.factor=${replicas}
share.coordinator.state.topic.min.isr=${min_isr}
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
java_opts=(-Xms256m -Xmx768m -Dlogback.configurationFile="$root/local-run/logback-kafka.xml")
if [ ! -f "$data/logs/meta.properties" ]; then
  if [ -z "$cluster_id" ]; then
    cluster_id="$(java "${java_opts[@]}" -cp "$cp" kafka.tools.StorageTool random-uuid)"
  fi
  java "${java_opts[@]}" -cp "$cp" kafka.tools.StorageTool format -t "$cluster_id" -c "$props" >&2
fi
exec java "${java_opts[@]}" -cp "$cp" kafka.Kafka "$props"
