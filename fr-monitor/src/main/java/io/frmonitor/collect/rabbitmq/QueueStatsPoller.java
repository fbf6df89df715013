package io.frmonitor.collect.rabbitmq;

import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.Failures;
import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.model.Family;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.registry.MetricSink;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Queue statistics ({@code rabbitmq_stats}): the management API each interval; when it cannot be
 * reached, passive declares for the plain queue names ({@code degraded}: ready and consumers only).
 * Never consumes, gets, purges or declares a system queue.
 *
 * <p>Thread safety: confined to its runner's thread.
 */
public final class QueueStatsPoller implements Poller {
  private final ManagementApiSource management;
  private final PassiveDeclareSource passive;
  private final QueueCounterTracker counters = new QueueCounterTracker();

  QueueStatsPoller(ManagementApiSource management, PassiveDeclareSource passive) {
    this.management = management;
    this.passive = passive;
  }

  public static QueueStatsPoller create(
      RabbitSettings settings, PayloadDecoder decoder, Duration timeout) {
    QueuePatterns patterns = new QueuePatterns(settings.queuePatterns());
    return new QueueStatsPoller(
        new ManagementApiSource(settings, patterns, decoder, timeout),
        new PassiveDeclareSource(settings, patterns.plainNames(), timeout));
  }

  @Override
  public String name() {
    return "rabbitmq_stats";
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(QueuesSnapshot.FAMILY);
  }

  @Override
  public PollOutcome poll(MetricSink sink) throws Exception {
    QueuesSnapshot snapshot;
    PollOutcome outcome;
    try {
      snapshot = counters.track(management.read(), sink.baselines());
      outcome = PollOutcome.ok();
    } catch (IOException e) {
      snapshot = passive.read();
      outcome =
          PollOutcome.degraded(
              Failures.message(e)
                  + "; using passive queue.declare (ready messages and consumers only)");
    }
    sink.publish(QueuesSnapshot.FAMILY, snapshot);
    return outcome;
  }

  @Override
  public void close() {
    passive.close();
  }
}
