package io.frmonitor.collect.rabbitmq;

import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.collect.PollOutcome;
import io.frmonitor.collect.Poller;
import io.frmonitor.config.RabbitSettings;
import io.frmonitor.model.Family;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.MetricSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The result tap ({@code result_tap}): a copy of the workers' results from the {@code
 * pipeline_results} exchange (keys {@code face_results}, {@code phone_results}), published each
 * interval as the {@code results} family: results per pipeline type, outcome mix, success ratio and
 * ingest → result latency.
 *
 * <p>Thread safety: confined to its runner's thread.
 */
public final class ResultTapPoller implements Poller {
  static final String EXCHANGE = "pipeline_results";

  private final TapLink tap;
  private final ResultHandler handler;
  private final Clock clock;
  private final Map<String, LatencyWindow> latency = new HashMap<>();
  private final Map<String, Long> lastTotals = new HashMap<>();
  private @Nullable Instant lastPoll;

  ResultTapPoller(TapLink tap, ResultHandler handler, Clock clock) {
    this.tap = tap;
    this.handler = handler;
    this.clock = clock;
  }

  public static ResultTapPoller create(
      RabbitSettings settings, PayloadDecoder decoder, Clock clock, Duration timeout) {
    ResultHandler handler = new ResultHandler(decoder, clock);
    Tap tap =
        new Tap(
            settings,
            Tap.Spec.copyOf(
                "results", EXCHANGE, List.copyOf(new TreeMap<>(ResultHandler.KEYS).keySet())),
            handler,
            timeout);
    return new ResultTapPoller(tap, handler, clock);
  }

  /**
   * The firehose, feeding this tap's result counts with the results workers publish on the default
   * exchange today, while the broker traces the vhost (see {@link FirehosePoller}).
   */
  public FirehosePoller firehose(
      RabbitSettings settings, PayloadDecoder decoder, Clock clock, Duration timeout) {
    FirehoseHandler firehose = new FirehoseHandler(decoder, handler, clock);
    Tap trace =
        new Tap(
            settings,
            Tap.Spec.copyOf("firehose", FirehosePoller.EXCHANGE, List.of("publish.")),
            firehose,
            timeout);
    VhostTracing tracing =
        new VhostTracing(new ManagementApi(settings, decoder, timeout), settings);
    return new FirehosePoller(trace, firehose, settings.firehose(), tracing::read, clock);
  }

  @Override
  public String name() {
    return "result_tap";
  }

  @Override
  public Set<Family<?>> families() {
    return Set.of(ResultsSnapshot.FAMILY);
  }

  @Override
  public PollOutcome poll(MetricSink sink) throws Exception {
    tap.ensureStarted();
    Instant now = clock.instant();
    double seconds = lastPoll == null ? 0 : Duration.between(lastPoll, now).toNanos() / 1e9;
    List<ResultsSnapshot.Pipeline> pipelines = new ArrayList<>();
    new TreeMap<>(handler.pipelines())
        .forEach((id, counts) -> pipelines.add(pipeline(id, counts, now, seconds)));
    lastPoll = now;
    ResultsSnapshot snapshot =
        new ResultsSnapshot(
            pipelines, handler.malformed(), handler.fromTap(), handler.fromFirehose());
    sink.publish(ResultsSnapshot.FAMILY, snapshot);
    return PollOutcome.ok();
  }

  private ResultsSnapshot.Pipeline pipeline(
      String id, ResultHandler.Counts counts, Instant now, double seconds) {
    LatencyWindow window = latency.computeIfAbsent(id, k -> new LatencyWindow());
    window.add(now, counts.intervalLatency());
    long total = counts.total.sum();
    long errors = counts.errors.sum();
    long before = lastTotals.getOrDefault(id, total);
    lastTotals.put(id, total);
    return new ResultsSnapshot.Pipeline(
        id,
        total,
        seconds > 0 && total >= before
            ? OptionalDouble.of((total - before) / seconds)
            : OptionalDouble.empty(),
        total - errors,
        errors,
        counts.outcomeTotals(),
        window.windows(),
        window.sinceStart());
  }

  @Override
  public void close() {
    tap.close();
  }
}
