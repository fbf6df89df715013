package io.frmonitor.family.rabbitnodes;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.RabbitNodesSnapshot;
import java.util.List;

/** The {@code fr_rabbitmq_node_*} metrics, one labelled sample per broker node. */
final class RabbitNodesSamples {
  static final MetricDef RUNNING =
      MetricDef.gauge("fr_rabbitmq_node_running", "1 while the node runs.", "node");
  static final MetricDef MEMORY_USED =
      MetricDef.gauge("fr_rabbitmq_node_memory_used_bytes", "Memory the node uses.", "node");
  static final MetricDef MEMORY_LIMIT =
      MetricDef.gauge(
          "fr_rabbitmq_node_memory_limit_bytes",
          "The memory high watermark: above it the node blocks publishers.",
          "node");
  static final MetricDef MEMORY_ALARM =
      MetricDef.gauge(
          "fr_rabbitmq_node_memory_alarm",
          "1 while the memory alarm blocks every publisher.",
          "node");
  static final MetricDef DISK_FREE =
      MetricDef.gauge("fr_rabbitmq_node_disk_free_bytes", "Free disk space of the node.", "node");
  static final MetricDef DISK_FREE_LIMIT =
      MetricDef.gauge(
          "fr_rabbitmq_node_disk_free_limit_bytes",
          "The free-disk low watermark: below it the node blocks publishers.",
          "node");
  static final MetricDef DISK_ALARM =
      MetricDef.gauge(
          "fr_rabbitmq_node_disk_free_alarm",
          "1 while the disk alarm blocks every publisher.",
          "node");
  static final MetricDef FDS_USED =
      MetricDef.gauge("fr_rabbitmq_node_fds_used", "File descriptors open.", "node");
  static final MetricDef FDS_LIMIT =
      MetricDef.gauge("fr_rabbitmq_node_fds_limit", "File descriptors available.", "node");
  static final MetricDef SOCKETS_USED =
      MetricDef.gauge(
          "fr_rabbitmq_node_sockets_used",
          "Sockets open (absent from RabbitMQ 4 on, which no longer counts them).",
          "node");
  static final MetricDef SOCKETS_LIMIT =
      MetricDef.gauge(
          "fr_rabbitmq_node_sockets_limit",
          "Sockets available (absent from RabbitMQ 4 on).",
          "node");
  static final MetricDef PROCESSES_USED =
      MetricDef.gauge("fr_rabbitmq_node_processes_used", "Erlang processes running.", "node");
  static final MetricDef PROCESSES_LIMIT =
      MetricDef.gauge("fr_rabbitmq_node_processes_limit", "Erlang processes allowed.", "node");
  static final MetricDef UPTIME =
      MetricDef.gauge("fr_rabbitmq_node_uptime_seconds", "Time since the node started.", "node");
  static final MetricDef PARTITIONS =
      MetricDef.gauge(
          "fr_rabbitmq_node_partitions",
          "Nodes this one cannot reach: above 0 the cluster is partitioned.",
          "node");

  static final List<MetricDef> METRICS =
      List.of(
          RUNNING,
          MEMORY_USED,
          MEMORY_LIMIT,
          MEMORY_ALARM,
          DISK_FREE,
          DISK_FREE_LIMIT,
          DISK_ALARM,
          FDS_USED,
          FDS_LIMIT,
          SOCKETS_USED,
          SOCKETS_LIMIT,
          PROCESSES_USED,
          PROCESSES_LIMIT,
          UPTIME,
          PARTITIONS);

  private RabbitNodesSamples() {}

  static void write(RabbitNodesSnapshot s, SampleWriter out) {
    for (RabbitNodesSnapshot.Node n : s.nodes()) {
      String node = n.name();
      out.flag(RUNNING, n.running(), node);
      out.value(MEMORY_USED, n.memoryUsedBytes(), node);
      out.value(MEMORY_LIMIT, n.memoryLimitBytes(), node);
      n.memoryAlarm().ifPresent(a -> out.flag(MEMORY_ALARM, a, node));
      out.value(DISK_FREE, n.diskFreeBytes(), node);
      out.value(DISK_FREE_LIMIT, n.diskFreeLimitBytes(), node);
      n.diskFreeAlarm().ifPresent(a -> out.flag(DISK_ALARM, a, node));
      out.value(FDS_USED, n.fdUsed(), node);
      out.value(FDS_LIMIT, n.fdLimit(), node);
      out.value(SOCKETS_USED, n.socketsUsed(), node);
      out.value(SOCKETS_LIMIT, n.socketsLimit(), node);
      out.value(PROCESSES_USED, n.processesUsed(), node);
      out.value(PROCESSES_LIMIT, n.processesLimit(), node);
      out.value(UPTIME, n.uptimeSeconds(), node);
      if (n.running()) {
        out.value(PARTITIONS, n.partitions().size(), node);
      }
    }
  }
}
