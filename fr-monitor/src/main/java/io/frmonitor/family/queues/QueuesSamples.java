package io.frmonitor.family.queues;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import java.util.List;

/** The {@code fr_queue*} metrics of the fr-server's queues. */
final class QueuesSamples {
  static final MetricDef TRUNCATED =
      MetricDef.gauge(
          "fr_queues_truncated",
          "1 when more queues matched MONITORING_RMQ_QUEUES than MONITORING_RMQ_MAX_QUEUES.");
  static final MetricDef MESSAGES =
      MetricDef.gauge("fr_queue_messages", "Messages in a queue, by state.", "queue", "state");
  static final MetricDef CONSUMERS =
      MetricDef.gauge("fr_queue_consumers", "Consumers of a queue.", "queue");
  static final MetricDef PUBLISH_RATE =
      MetricDef.gauge(
          "fr_queue_publish_rate", "Messages published to a queue per second.", "queue");
  static final MetricDef DELIVER_RATE =
      MetricDef.gauge(
          "fr_queue_deliver_rate", "Messages delivered from a queue per second.", "queue");
  static final MetricDef ACK_RATE =
      MetricDef.gauge("fr_queue_ack_rate", "Messages acknowledged per second.", "queue");
  static final MetricDef REDELIVER_RATE =
      MetricDef.gauge("fr_queue_redeliver_rate", "Messages redelivered per second.", "queue");
  static final MetricDef DRAIN_ETA =
      MetricDef.gauge(
          "fr_queue_drain_eta_seconds",
          "Time to empty the queue at the current net ack rate.",
          "queue");

  static final List<MetricDef> METRICS =
      List.of(
          TRUNCATED,
          MESSAGES,
          CONSUMERS,
          PUBLISH_RATE,
          DELIVER_RATE,
          ACK_RATE,
          REDELIVER_RATE,
          DRAIN_ETA);

  private QueuesSamples() {}

  static void write(QueuesSnapshot s, SampleWriter out) {
    out.flag(TRUNCATED, s.truncated());
    for (QueueStats q : s.queues()) {
      String name = q.name();
      out.value(MESSAGES, q.ready(), name, "ready");
      out.value(MESSAGES, q.unacked(), name, "unacked");
      out.value(CONSUMERS, q.consumers(), name);
      out.value(PUBLISH_RATE, q.publishPerSec(), name);
      out.value(DELIVER_RATE, q.deliverPerSec(), name);
      out.value(ACK_RATE, q.ackPerSec(), name);
      out.value(REDELIVER_RATE, q.redeliverPerSec(), name);
      out.value(DRAIN_ETA, q.drainEtaSeconds(), name);
    }
  }
}
