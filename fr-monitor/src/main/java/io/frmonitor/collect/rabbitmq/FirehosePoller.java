package io.frmonitor.collect.rabbitmq;

import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.model.ActionsSnapshot;
import io.frmonitor.model.Families;
import io.frmonitor.model.Family;
import io.frmonitor.registry.MetricSink;
import java.util.Map;
import java.util.Set;

/**
 * The opt-in firehose ({@code firehose}, {@code MONITORING_RMQ_FIREHOSE=true}): a tap on {@code
 * amq.rabbitmq.trace} with the key {@code publish.}, which carries a copy of every publish to the
 * default exchange once an operator ran {@code rabbitmqctl trace_on}. It is the only way to see
 * today's results, actions and saved actions without a producer change — at the price of the broker
 * copying every such message (docs/operations.md). Results feed the result tap's counts; actions
 * are published as the {@code actions} family and as {@code action} events.
 *
 * <p>Thread safety: confined to its runner's thread.
 */
public final class FirehosePoller implements Poller {
  static final String EXCHANGE = "amq.rabbitmq.trace";

  private final Tap tap;
  private final FirehoseHandler handler;

  FirehosePoller(Tap tap, FirehoseHandler handler) {
    this.tap = tap;
    this.handler = handler;
  }

  @Override
  public String name() {
    return "firehose";
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(Families.ACTIONS);
  }

  @Override
  public PollOutcome poll(MetricSink sink) throws Exception {
    tap.ensureStarted();
    handler.drainEvents().forEach(sink::appendEvent);
    sink.publish(
        Families.ACTIONS,
        new ActionsSnapshot(handler.actionTotals(), handler.savedActions()),
        Map.of());
    return PollOutcome.ok();
  }

  @Override
  public void close() {
    tap.close();
  }
}
