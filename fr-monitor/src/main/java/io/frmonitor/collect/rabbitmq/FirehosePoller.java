package io.frmonitor.collect.rabbitmq;

import io.frmonitor.collect.Failures;
import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.config.Toggle;
import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.Family;
import io.frmonitor.registry.MetricSink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The firehose ({@code firehose}): a tap on {@code amq.rabbitmq.trace} with the key {@code
 * publish.}, which carries a copy of every publish to the default exchange while the broker traces
 * the vhost ({@code rabbitmqctl trace_on}). It is the only way to see today's outcomes, latencies
 * and actions by kind without a producer change — at the price of the broker copying every such
 * message (docs/operations.md). Results feed the result tap's counts; actions are published as the
 * {@code decisions} family and as {@code action} events.
 *
 * <p>{@code MONITORING_RMQ_FIREHOSE=auto} (the default) consumes exactly while the management API
 * says the vhost is traced, and stops when it is not; {@code true} consumes regardless (a tracing
 * flag the API cannot give is then taken as on); {@code false} makes the collector {@code
 * disabled}.
 *
 * <p>Thread safety: confined to its runner's thread.
 */
public final class FirehosePoller implements Poller {
  static final String EXCHANGE = "amq.rabbitmq.trace";

  private final TapLink tap;
  private final FirehoseHandler handler;
  private final Toggle mode;
  private final TracingCheck tracing;
  private final Clock clock;
  private boolean traced;
  private @Nullable Instant lastPoll;
  private long lastActions;
  private long lastSaved;

  /** Whether the vhost is traced; empty when the broker does not say. */
  @FunctionalInterface
  interface TracingCheck {
    Optional<Boolean> traced() throws IOException, InterruptedException;
  }

  FirehosePoller(
      TapLink tap, FirehoseHandler handler, Toggle mode, TracingCheck tracing, Clock clock) {
    this.tap = tap;
    this.handler = handler;
    this.mode = mode;
    this.tracing = tracing;
    this.clock = clock;
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
    return mode == Toggle.OFF
        ? Optional.of(
            "off (MONITORING_RMQ_FIREHOSE=false): outcomes and actions by kind are seen only"
                + " through the firehose (docs/operations.md)")
        : Optional.empty();
  }

  @Override
  public PollOutcome poll(MetricSink sink) throws Exception {
    PollOutcome outcome = checkTracing();
    if (traced) {
      tap.ensureStarted();
    } else {
      tap.close(); // nothing would come; and the tap's queue is not kept for nothing
    }
    handler.drainEvents().forEach(sink::appendEvent);
    sink.publish(DecisionsSnapshot.FAMILY, snapshot(clock.instant()));
    return outcome;
  }

  /** The counts so far, with rates over the interval while the vhost is traced. */
  private DecisionsSnapshot snapshot(Instant now) {
    Map<String, Map<String, Long>> actions = handler.actionTotals();
    long actionsTotal = 0;
    for (Map<String, Long> reasons : actions.values()) {
      for (long n : reasons.values()) {
        actionsTotal += n;
      }
    }
    long saved = handler.savedActions();
    double seconds = lastPoll == null ? 0 : Duration.between(lastPoll, now).toNanos() / 1e9;
    DecisionsSnapshot snapshot =
        new DecisionsSnapshot(
            actions,
            saved,
            rate(lastActions, actionsTotal, seconds),
            rate(lastSaved, saved, seconds),
            traced);
    lastPoll = traced ? now : null; // a rate spans traced time only
    lastActions = actionsTotal;
    lastSaved = saved;
    return snapshot;
  }

  private OptionalDouble rate(long before, long after, double seconds) {
    return traced && seconds > 0 && after >= before
        ? OptionalDouble.of((after - before) / seconds)
        : OptionalDouble.empty();
  }

  /**
   * Updates {@link #traced}. An unanswered question keeps the last answer (in {@code auto}) or
   * counts as traced (in {@code true}), and makes the run degraded.
   */
  private PollOutcome checkTracing() throws InterruptedException {
    try {
      Optional<Boolean> flag = tracing.traced();
      traced = mode == Toggle.ON ? flag.orElse(true) : flag.orElse(traced);
      return PollOutcome.ok();
    } catch (IOException e) {
      traced = mode == Toggle.ON || traced;
      return PollOutcome.degraded("whether the vhost is traced is unknown: " + Failures.message(e));
    }
  }

  @Override
  public void close() {
    tap.close();
  }
}
