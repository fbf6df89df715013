package io.frmonitor.family.pipelines;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.family.FrServerQueues;
import io.frmonitor.family.Nullables;
import io.frmonitor.family.Signal;
import io.frmonitor.family.SignalSource;
import io.frmonitor.family.Signals;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The results per pipeline type from the most exact source there is: every result with its verdict
 * and latency from the result tap or the firehose, else how many from the broker's counters of the
 * results queues — and then the verdicts and the latency are unknown (null), not 0.
 */
final class PipelineResults {
  private PipelineResults() {}

  /** One pipeline type (face, phone). */
  public record Result(
      String id,
      @JsonPropertyDescription(
              "Where these figures come from: result_tap, firehose, queue_counters")
          String source,
      @JsonPropertyDescription(
              "Results since fr-monitor started (with the firehose: since the vhost is traced)")
          @Nullable Long resultsTotal,
      @Nullable Double resultsPerSec,
      @Nullable Long successTotal,
      @Nullable Long errorTotal,
      @Nullable Double successRatio,
      @JsonPropertyDescription("Verdicts; null when no source sees them (see unobservable)")
          @Nullable Map<String, Long> outcomes,
      PipelinesDto.@Nullable Latency latencyMs) {}

  static List<Result> of(MetricRegistry registry, Signals signals, Duration window) {
    Optional<SignalSource> exact = signals.source(Signal.OUTCOMES);
    Optional<ResultsSnapshot> results = registry.latest(ResultsSnapshot.FAMILY).map(Latest::value);
    if (exact.isPresent() && results.isPresent()) {
      String source = exact.get().label();
      List<Result> seen =
          results.get().pipelines().stream().map(p -> exact(p, source, window)).toList();
      // a firehose that drops: its verdicts stand as a sample, the counts are the broker's
      return signals.from(Signal.RESULTS, SignalSource.QUEUE_COUNTERS)
          ? seen.stream().map(r -> countedTotals(registry, r)).toList()
          : seen;
    }
    if (signals.from(Signal.RESULTS, SignalSource.QUEUE_COUNTERS)) {
      return counted(registry);
    }
    return List.of();
  }

  private static Result exact(ResultsSnapshot.Pipeline p, String source, Duration window) {
    return new Result(
        p.id(),
        source,
        p.resultsTotal(),
        Nullables.of(p.resultsPerSec()),
        p.successTotal(),
        p.errorTotal(),
        p.resultsTotal() == 0 ? null : (double) p.successTotal() / p.resultsTotal(),
        p.outcomes(),
        PipelinesDto.latency(p.ingestToResultByWindow(), window));
  }

  private static Result countedTotals(MetricRegistry registry, Result r) {
    Optional<QueueStats> q = Signals.countedQueue(registry, FrServerQueues.results(r.id()));
    return new Result(
        r.id(),
        SignalSource.QUEUE_COUNTERS.label(),
        q.map(s -> Nullables.of(s.counters().published())).orElse(null),
        q.map(s -> Nullables.of(s.publishPerSec())).orElse(null),
        r.successTotal(),
        r.errorTotal(),
        r.successRatio(),
        r.outcomes(),
        r.latencyMs());
  }

  /** How many results the workers published to each results queue: no verdicts, no latency. */
  private static List<Result> counted(MetricRegistry registry) {
    List<Result> out = new ArrayList<>();
    for (String type : FrServerQueues.PIPELINE_TYPES) {
      Signals.countedQueue(registry, FrServerQueues.results(type))
          .ifPresent(q -> out.add(counted(type, q)));
    }
    return out;
  }

  private static Result counted(String type, QueueStats q) {
    return new Result(
        type,
        SignalSource.QUEUE_COUNTERS.label(),
        Nullables.of(q.counters().published()),
        Nullables.of(q.publishPerSec()),
        null,
        null,
        null,
        null,
        null);
  }
}
