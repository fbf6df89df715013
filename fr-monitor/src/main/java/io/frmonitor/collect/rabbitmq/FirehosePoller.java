package io.frmonitor.collect.rabbitmq;

import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.Family;
import io.frmonitor.registry.MetricSink;
import java.util.Optional;
import java.util.Set;

/**
 * The opt-in firehose ({@code firehose}, {@code MONITORING_RMQ_FIREHOSE=true}): a tap on {@code
 * amq.rabbitmq.trace} with the key {@code publish.}, which carries a copy of every publish to the
 * default exchange once an operator ran {@code rabbitmqctl trace_on}. It is the only way to see
 * today's results, actions and saved actions without a producer change — at the price of the broker
 * copying every such message (docs/operations.md). Results feed the result tap's counts; actions
 * are published as the {@code decisions} family and as {@code action} events. Reported {@code
 * disabled} unless {@code MONITORING_RMQ_FIREHOSE=true}.
 *
 * <p>Thread safety: confined to its runner's thread.
 */
public final class FirehosePoller implements Poller {
  static final String EXCHANGE = "amq.rabbitmq.trace";

  private final TapLink tap;
  private final FirehoseHandler handler;
  private final boolean enabled;

  FirehosePoller(TapLink tap, FirehoseHandler handler, boolean enabled) {
    this.tap = tap;
    this.handler = handler;
    this.enabled = enabled;
  }

  @Override
  public String name() {
    return "firehose";
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(DecisionsSnapshot.FAMILY);
  }

  @Override
  public Optional<String> unavailableReason() {
    return enabled
        ? Optional.empty()
        : Optional.of(
            "off (MONITORING_RMQ_FIREHOSE=false): decisions are seen only through the firehose,"
                + " which an operator switches on (docs/operations.md)");
  }

  @Override
  public PollOutcome poll(MetricSink sink) throws Exception {
    tap.ensureStarted();
    handler.drainEvents().forEach(sink::appendEvent);
    sink.publish(
        DecisionsSnapshot.FAMILY,
        new DecisionsSnapshot(handler.actionTotals(), handler.savedActions()));
    return PollOutcome.ok();
  }

  @Override
  public void close() {
    tap.close();
  }
}
