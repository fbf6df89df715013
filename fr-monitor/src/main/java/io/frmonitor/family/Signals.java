package io.frmonitor.family;

import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.GatewaysSnapshot;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which source feeds each {@link Signal} now, detected from what the collectors see, never assumed
 * from configuration: the result tap once results arrive through {@code pipeline_results} (the
 * improved producers), the firehose while the broker traces the vhost, the management API's queue
 * counters for what needs no producer change, the frame tap and the gateways' events when they
 * deliver. A signal no source feeds is unobservable, with the reason an operator can act on.
 *
 * <p>Immutable; computed from the registry when a body or a scrape needs it.
 */
public final class Signals {
  /** What to do about outcomes, success ratio and result latency with today's producers. */
  static final String TRACING_OR_PRODUCERS =
      "today's workers publish results on the default exchange, which only the broker's trace"
          + " shows: switch RabbitMQ tracing on for the vhost (rabbitmqctl trace_on;"
          + " docs/operations.md#the-firehose) or apply the producer change (docs/producers.md)";

  /** What to do about actions by kind. */
  static final String TRACING =
      "the decision manager publishes on the default exchange, which only the broker's trace"
          + " shows: switch RabbitMQ tracing on for the vhost (rabbitmqctl trace_on;"
          + " docs/operations.md#the-firehose)";

  private static final String NO_COUNTERS =
      "the RabbitMQ management API's queue counters are not available (collector rabbitmq_stats)";

  /** The prefix of the firehose's queue (its tap, see {@code ResultTapPoller#firehose}). */
  static final String FIREHOSE_QUEUE_PREFIX = QueueStats.OWN_PREFIX + "tap.firehose.";

  private final Map<Signal, SignalSource> sources;
  private final Map<Signal, String> unobservable;
  private final Map<Signal, String> caveats;

  private Signals(
      Map<Signal, SignalSource> sources,
      Map<Signal, String> unobservable,
      Map<Signal, String> caveats) {
    this.sources = sources;
    this.unobservable = unobservable;
    this.caveats = caveats;
  }

  /** The sources as the registry has them now. */
  public static Signals of(MetricRegistry registry) {
    Seen seen = Seen.in(registry);
    Map<Signal, SignalSource> sources = new EnumMap<>(Signal.class);
    Map<Signal, String> reasons = new EnumMap<>(Signal.class);
    Map<Signal, String> caveats = new EnumMap<>(Signal.class);
    for (Signal signal : Signal.values()) {
      Optional<SignalSource> source = resolve(signal, seen);
      if (source.isPresent()) {
        sources.put(signal, source.get());
        if (source.get() == SignalSource.FIREHOSE && seen.firehoseDropped > 0) {
          caveats.put(signal, dropped(seen.firehoseDropped));
        }
      } else {
        reasons.put(signal, reason(signal, seen));
      }
    }
    return new Signals(sources, reasons, caveats);
  }

  private static String dropped(long copies) {
    return "the broker dropped "
        + copies
        + " of the firehose's copies that fr-monitor could not take in time (its queue is bounded,"
        + " docs/operations.md#the-firehose): these figures are from the copies it took, so counts"
        + " are lower bounds; the totals of results and actions come from the queue counters";
  }

  private static Optional<SignalSource> resolve(Signal signal, Seen seen) {
    return switch (signal) {
      case FRAMES ->
          seen.frameTap
              ? Optional.of(SignalSource.FRAME_TAP)
              : seen.counted(FrServerQueues.CLIENTS_DATA);
      case ROUTING -> seen.frameTap ? Optional.of(SignalSource.FRAME_TAP) : Optional.empty();
      case RESULTS ->
          seen.exactCounts()
              .or(
                  () ->
                      seen.counted(FrServerQueues.FACE_RESULTS)
                          .or(() -> seen.counted(FrServerQueues.PHONE_RESULTS)));
      case OUTCOMES, SUCCESS_RATIO, RESULT_LATENCY -> seen.exactResults();
      case ACTIONS ->
          seen.firehoseExact()
              ? Optional.of(SignalSource.FIREHOSE)
              : seen.counted(FrServerQueues.ACTIONS);
      case ACTIONS_BY_KIND -> seen.firehose ? Optional.of(SignalSource.FIREHOSE) : Optional.empty();
      case SAVED_ACTIONS ->
          seen.firehoseExact()
              ? Optional.of(SignalSource.FIREHOSE)
              : seen.counted(FrServerQueues.SAVED_ACTIONS);
      case GATEWAY_SESSIONS ->
          seen.gatewaysReport ? Optional.of(SignalSource.GATEWAY_EVENTS) : Optional.empty();
    };
  }

  private static String reason(Signal signal, Seen seen) {
    return switch (signal) {
      case FRAMES -> "the frame tap (collector frame_tap) is not delivering, and " + NO_COUNTERS;
      case ROUTING -> "the frame tap (collector frame_tap) is not delivering";
      case RESULTS, ACTIONS, SAVED_ACTIONS ->
          seen.counters
              ? "its queue is not among the watched ones (MONITORING_RMQ_QUEUES)"
              : NO_COUNTERS;
      case OUTCOMES, SUCCESS_RATIO, RESULT_LATENCY -> TRACING_OR_PRODUCERS;
      case ACTIONS_BY_KIND -> TRACING;
      case GATEWAY_SESSIONS ->
          "no gateway has reported to monitoring.gateway_events: the gateway needs the producer"
              + " change (docs/producers.md#3-gateway-events)";
    };
  }

  public Optional<SignalSource> source(Signal signal) {
    return Optional.ofNullable(sources.get(signal));
  }

  /** Whether {@code signal} is fed by {@code source} now. */
  public boolean from(Signal signal, SignalSource source) {
    return sources.get(signal) == source;
  }

  /** What to bear in mind about {@code signal}'s figures from its source now; usually empty. */
  public Optional<String> caveat(Signal signal) {
    return Optional.ofNullable(caveats.get(signal));
  }

  /** For a JSON body: the caveats of these signals, for those that have one. */
  public Map<String, String> caveatsOf(Signal... signals) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Signal s : signals) {
      String caveat = caveats.get(s);
      if (caveat != null) {
        out.put(s.label(), caveat);
      }
    }
    return out;
  }

  /** Why nothing feeds {@code signal}; empty when something does. */
  public Optional<String> unobservable(Signal signal) {
    return Optional.ofNullable(unobservable.get(signal));
  }

  /** For a JSON body: each signal's source name, or null when nothing feeds it. */
  public Map<String, @Nullable String> sourcesOf(Signal... signals) {
    Map<String, @Nullable String> out = new LinkedHashMap<>();
    for (Signal s : signals) {
      SignalSource source = sources.get(s);
      out.put(s.label(), source == null ? null : source.label());
    }
    return out;
  }

  /** For a JSON body: why each of these signals is unobservable, for those that are. */
  public Map<String, String> unobservableOf(Signal... signals) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Signal s : signals) {
      String reason = unobservable.get(s);
      if (reason != null) {
        out.put(s.label(), reason);
      }
    }
    return out;
  }

  /** What the collectors deliver now: fresh snapshots only. */
  private record Seen(
      boolean frameTap,
      boolean results,
      boolean resultTap,
      boolean firehose,
      boolean counters,
      Optional<QueuesSnapshot> queues,
      boolean gatewaysReport,
      long firehoseDropped) {

    static Seen in(MetricRegistry registry) {
      Optional<QueuesSnapshot> queues = countedQueues(registry);
      Optional<ResultsSnapshot> results = fresh(registry.latest(ResultsSnapshot.FAMILY));
      return new Seen(
          fresh(registry.latest(PipelinesSnapshot.FAMILY)).isPresent(),
          results.isPresent(),
          results.map(r -> r.fromTap() > 0).orElse(false),
          fresh(registry.latest(DecisionsSnapshot.FAMILY))
              .map(DecisionsSnapshot::tracing)
              .orElse(false),
          queues.isPresent(),
          queues,
          fresh(registry.latest(GatewaysSnapshot.FAMILY))
              .map(GatewaysSnapshot::reporting)
              .orElse(false),
          queues.map(Seen::firehoseDropped).orElse(0L));
    }

    /**
     * Copies the broker dropped from the firehose's bounded queue since fr-monitor watched it:
     * published into it, neither delivered nor still there.
     */
    private static long firehoseDropped(QueuesSnapshot queues) {
      long dropped = 0;
      for (QueueStats q : queues.queues()) {
        if (q.name().startsWith(FIREHOSE_QUEUE_PREFIX)) {
          long in = q.counters().published().orElse(0);
          long out = q.counters().delivered().orElse(0) + q.depth().orElse(0);
          dropped += Math.max(0, in - out);
        }
      }
      return dropped;
    }

    /** The firehose sees every message, and the broker has dropped none of its copies. */
    boolean firehoseExact() {
      return firehose && firehoseDropped == 0;
    }

    /** Results counted one by one and completely: not by a firehose that drops. */
    Optional<SignalSource> exactCounts() {
      return exactResults().filter(s -> s != SignalSource.FIREHOSE || firehoseDropped == 0);
    }

    /**
     * The result tap when the improved producers are there, else the firehose while traced (its
     * results are counted by the result tap's collector, which must be delivering).
     */
    Optional<SignalSource> exactResults() {
      if (resultTap) {
        return Optional.of(SignalSource.RESULT_TAP);
      }
      return firehose && results ? Optional.of(SignalSource.FIREHOSE) : Optional.empty();
    }

    /** The queue counters, when the management API lists the queue. */
    Optional<SignalSource> counted(String queue) {
      return queues.flatMap(q -> q.queue(queue)).map(q -> SignalSource.QUEUE_COUNTERS);
    }

    private static <T> Optional<T> fresh(Optional<Latest<T>> latest) {
      return latest.filter(l -> !l.stale()).map(Latest::value);
    }
  }

  /**
   * The fresh queue statistics of the management API (with counters), when there are: not those of
   * the passive fallback.
   */
  public static Optional<QueuesSnapshot> countedQueues(MetricRegistry registry) {
    return registry
        .latest(QueuesSnapshot.FAMILY)
        .filter(l -> !l.stale())
        .map(Latest::value)
        .filter(q -> q.source().equals(QueuesSnapshot.MANAGEMENT_API));
  }

  /** The queue a signal's counters come from, when the management API lists it. */
  public static Optional<QueueStats> countedQueue(MetricRegistry registry, String name) {
    return countedQueues(registry).flatMap(q -> q.queue(name));
  }
}
