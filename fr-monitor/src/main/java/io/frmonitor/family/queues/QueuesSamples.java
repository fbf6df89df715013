package io.frmonitor.family.queues;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import java.util.List;

/**
 * The {@code fr_queue*} metrics of the watched queues, labelled with their owner ({@code
 * fr-server}, or {@code fr-monitor} for its own taps and inbox: leave those out of sums).
 */
final class QueuesSamples {
  static final MetricDef TRUNCATED =
      MetricDef.gauge(
          "fr_queues_truncated",
          "1 when more queues matched MONITORING_RMQ_QUEUES than MONITORING_RMQ_MAX_QUEUES.");
  static final MetricDef TRACING =
      MetricDef.gauge(
          "fr_vhost_tracing",
          "1 when the broker traces the vhost (the firehose sees every message).");
  static final MetricDef MESSAGES =
      MetricDef.gauge(
          "fr_queue_messages", "Messages in a queue, by state.", "queue", "owner", "state");
  static final MetricDef DEPTH =
      MetricDef.gauge(
          "fr_queue_depth",
          "ready + unacked: the queue's backlog (the fr-server's consumers have no prefetch limit).",
          "queue",
          "owner");
  static final MetricDef CONSUMERS =
      MetricDef.gauge("fr_queue_consumers", "Consumers of a queue.", "queue", "owner");
  static final MetricDef PUBLISH_RATE =
      MetricDef.gauge(
          "fr_queue_publish_rate", "Messages published to a queue per second.", "queue", "owner");
  static final MetricDef DELIVER_RATE =
      MetricDef.gauge(
          "fr_queue_deliver_rate", "Messages delivered from a queue per second.", "queue", "owner");
  static final MetricDef ACK_RATE =
      MetricDef.gauge("fr_queue_ack_rate", "Messages acknowledged per second.", "queue", "owner");
  static final MetricDef REDELIVER_RATE =
      MetricDef.gauge(
          "fr_queue_redeliver_rate", "Messages redelivered per second.", "queue", "owner");
  static final MetricDef DRAIN_ETA =
      MetricDef.gauge(
          "fr_queue_drain_eta_seconds",
          "Time to empty the queue at the current net ack rate.",
          "queue",
          "owner");
  static final MetricDef PUBLISHED =
      MetricDef.counter(
          "fr_queue_published",
          "Messages published to a queue since fr-monitor started watching it (broker counter).",
          "queue",
          "owner");
  static final MetricDef DELIVERED =
      MetricDef.counter(
          "fr_queue_delivered",
          "Messages delivered from a queue since fr-monitor started watching it.",
          "queue",
          "owner");
  static final MetricDef ACKED =
      MetricDef.counter(
          "fr_queue_acked",
          "Messages acknowledged since fr-monitor started watching the queue.",
          "queue",
          "owner");
  static final MetricDef REDELIVERED =
      MetricDef.counter(
          "fr_queue_redelivered",
          "Messages delivered again after a requeue, since fr-monitor started watching the queue.",
          "queue",
          "owner");

  static final List<MetricDef> METRICS =
      List.of(
          TRUNCATED,
          TRACING,
          MESSAGES,
          DEPTH,
          CONSUMERS,
          PUBLISH_RATE,
          DELIVER_RATE,
          ACK_RATE,
          REDELIVER_RATE,
          DRAIN_ETA,
          PUBLISHED,
          DELIVERED,
          ACKED,
          REDELIVERED);

  private QueuesSamples() {}

  static void write(QueuesSnapshot s, SampleWriter out) {
    out.flag(TRUNCATED, s.truncated());
    s.tracing().ifPresent(t -> out.flag(TRACING, t));
    for (QueueStats q : s.queues()) {
      String name = q.name();
      String owner = q.own() ? "fr-monitor" : "fr-server";
      out.value(MESSAGES, q.ready(), name, owner, "ready");
      out.value(MESSAGES, q.unacked(), name, owner, "unacked");
      out.value(DEPTH, q.depth(), name, owner);
      out.value(CONSUMERS, q.consumers(), name, owner);
      out.value(PUBLISH_RATE, q.publishPerSec(), name, owner);
      out.value(DELIVER_RATE, q.deliverPerSec(), name, owner);
      out.value(ACK_RATE, q.ackPerSec(), name, owner);
      out.value(REDELIVER_RATE, q.redeliverPerSec(), name, owner);
      out.value(DRAIN_ETA, q.drainEtaSeconds(), name, owner);
      out.value(PUBLISHED, q.counters().published(), name, owner);
      out.value(DELIVERED, q.counters().delivered(), name, owner);
      out.value(ACKED, q.counters().acked(), name, owner);
      out.value(REDELIVERED, q.counters().redelivered(), name, owner);
    }
  }
}
