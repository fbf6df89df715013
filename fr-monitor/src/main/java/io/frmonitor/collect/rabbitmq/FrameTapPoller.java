package io.frmonitor.collect.rabbitmq;

import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.model.Family;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.registry.MetricSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The frame tap ({@code frame_tap}): keeps the tap consuming and, each interval, publishes the
 * {@code pipelines} family — frames per pipeline and per client with rates, frames routed to a
 * pipeline without a worker queue, and the ingest → routing latency distribution.
 *
 * <p>Thread safety: confined to its runner's thread (the tap's deliveries go to the aggregator).
 */
public final class FrameTapPoller implements Poller {
  private static final Duration WORKER_CHECK_EVERY = Duration.ofMinutes(1);

  static final String EXCHANGE = "received_clients_data";

  private final TapLink tap;
  private final FrameAggregator aggregator;
  private final Clock clock;
  private final LatencyWindow latency = new LatencyWindow();
  private final Map<Integer, Optional<Boolean>> workers = new HashMap<>();
  private Instant workersCheckedAt = Instant.MIN;
  private @Nullable Instant lastPoll;
  private long lastTotal;
  private long[] lastPerPipeline;
  private Map<String, Long> lastPerClient = Map.of();

  FrameTapPoller(TapLink tap, FrameAggregator aggregator, Clock clock) {
    this.tap = tap;
    this.aggregator = aggregator;
    this.clock = clock;
    this.lastPerPipeline = new long[aggregator.pipelines()];
  }

  public static FrameTapPoller create(
      RabbitSettings settings, PayloadDecoder decoder, Clock clock, Duration timeout) {
    FrameAggregator aggregator = new FrameAggregator(settings.pipelines());
    List<String> keys = new ArrayList<>();
    for (int n = 0; n < settings.pipelines(); n++) {
      keys.add("PipeLine_" + n);
    }
    Tap tap =
        new Tap(
            settings,
            Tap.Spec.copyOf("frames", EXCHANGE, keys),
            new FrameHandler(decoder, aggregator, clock),
            timeout);
    return new FrameTapPoller(tap, aggregator, clock);
  }

  @Override
  public String name() {
    return "frame_tap";
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(PipelinesSnapshot.FAMILY);
  }

  @Override
  public PollOutcome poll(MetricSink sink) throws Exception {
    tap.ensureStarted();
    Instant now = clock.instant();
    double seconds = lastPoll == null ? 0 : Duration.between(lastPoll, now).toNanos() / 1e9;
    latency.add(now, aggregator.intervalLatency());
    checkWorkersIfDue(now);
    List<PipelinesSnapshot.Routing> routing = routing(seconds, now);
    long total = routing.stream().mapToLong(PipelinesSnapshot.Routing::framesTotal).sum();
    PipelinesSnapshot snapshot =
        new PipelinesSnapshot(
            total,
            rate(lastTotal, total, seconds),
            aggregator.bytes(),
            aggregator.malformedCount(),
            routing,
            clients(seconds),
            latency.windows(),
            latency.sinceStart());
    lastPoll = now;
    lastTotal = total;
    sink.publish(PipelinesSnapshot.FAMILY, snapshot);
    return PollOutcome.ok();
  }

  private List<PipelinesSnapshot.Routing> routing(double seconds, Instant at) {
    List<PipelinesSnapshot.Routing> out = new ArrayList<>();
    long[] now = new long[aggregator.pipelines()];
    for (int n = 0; n < now.length; n++) {
      now[n] = aggregator.framesTo(n);
      if (now[n] > 0) {
        out.add(
            new PipelinesSnapshot.Routing(
                n,
                now[n],
                rate(lastPerPipeline[n], now[n], seconds),
                workers.getOrDefault(n, Optional.empty()),
                aggregator.clientsOf(n, at, PipelinesSnapshot.LATENCY_WINDOW)));
      }
    }
    lastPerPipeline = now;
    return out;
  }

  private List<PipelinesSnapshot.ClientFrames> clients(double seconds) {
    Map<String, FrameAggregator.ClientCount> counts = aggregator.clients();
    Map<String, Long> totals = new HashMap<>();
    List<PipelinesSnapshot.ClientFrames> out = new ArrayList<>(counts.size());
    counts.forEach(
        (name, c) -> {
          totals.put(name, c.frames());
          out.add(
              new PipelinesSnapshot.ClientFrames(
                  name,
                  c.frames(),
                  rate(lastPerClient.getOrDefault(name, 0L), c.frames(), seconds),
                  c.pipelines()));
        });
    lastPerClient = totals;
    return out;
  }

  /** Checks which pipelines that received frames have a worker queue, at most once a minute. */
  private void checkWorkersIfDue(Instant now) {
    boolean unchecked = false;
    for (int n = 0; n < aggregator.pipelines(); n++) {
      unchecked |= aggregator.framesTo(n) > 0 && !workers.containsKey(n);
    }
    if (!unchecked && Duration.between(workersCheckedAt, now).compareTo(WORKER_CHECK_EVERY) < 0) {
      return;
    }
    workersCheckedAt = now;
    for (int n = 0; n < aggregator.pipelines(); n++) {
      if (aggregator.framesTo(n) > 0) {
        workers.put(n, tap.hasWorker(n));
      }
    }
  }

  private static OptionalDouble rate(long before, long after, double seconds) {
    return seconds <= 0 || after < before
        ? OptionalDouble.empty()
        : OptionalDouble.of((after - before) / seconds);
  }

  @Override
  public void close() {
    tap.close();
  }
}
