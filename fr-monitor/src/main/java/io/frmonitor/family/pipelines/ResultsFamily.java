package io.frmonitor.family.pipelines;

import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Output;
import io.frmonitor.family.Points;
import io.frmonitor.family.Signal;
import io.frmonitor.model.LatencyHistogram;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Results per face/phone pipeline ({@code result_tap}, or the firehose). Shown inside the pipelines
 * family's body, topic and card.
 */
public final class ResultsFamily {
  private static final String SHOWN_BY_PIPELINES =
      "shown by the pipelines family (/metrics/pipelines `pipelines`)";

  public static final FamilySpec<ResultsSnapshot> SPEC =
      FamilySpec.of(ResultsSnapshot.FAMILY, "Results")
          .without(Output.REST, SHOWN_BY_PIPELINES)
          .without(Output.LIVE, SHOWN_BY_PIPELINES)
          .without(Output.CARD, SHOWN_BY_PIPELINES)
          .example(example())
          .samples(PipelineSamples.RESULT_METRICS, PipelineSamples::results)
          .observes(Signal.OUTCOMES, PipelineSamples.RESULTS)
          .observesWhere(
              Signal.RESULT_LATENCY, PipelineSamples.LATENCY, "stage", "ingest_to_result")
          .series(ResultsFamily::series)
          .build();

  private ResultsFamily() {}

  static Map<String, Double> series(ResultsSnapshot s) {
    Points p = new Points(ResultsSnapshot.FAMILY);
    for (ResultsSnapshot.Pipeline pipeline : s.pipelines()) {
      p.put("per_sec", pipeline.id(), pipeline.resultsPerSec());
      // totals, not rates: a chart takes the rate between two points, and a total survives a
      // missed collection
      new TreeMap<>(pipeline.outcomes())
          .forEach((outcome, n) -> p.put("outcomes_total", pipeline.id() + "." + outcome, n));
      pipeline
          .ingestToResult()
          .summary()
          .ifPresent(
              l -> {
                p.put("ingest_to_result_p50_ms", pipeline.id(), l.p50Ms());
                p.put("ingest_to_result_p95_ms", pipeline.id(), l.p95Ms());
                p.put("ingest_to_result_p99_ms", pipeline.id(), l.p99Ms());
              });
    }
    return p.map();
  }

  /** Face and phone results of the same frames, a few of them failing the checks. */
  static ResultsSnapshot example() {
    return new ResultsSnapshot(
        List.of(
            pipeline(
                "face", Map.of("pass", 980L, "no_face", 120L, "wrong_user", 60L, "spoof", 40L), 0),
            pipeline(
                "phone", Map.of("pass", 1110L, "phone_detected", 88L, "processing_error", 2L), 2)),
        0,
        2400,
        0);
  }

  private static ResultsSnapshot.Pipeline pipeline(
      String id, Map<String, Long> outcomes, long errors) {
    long total = outcomes.values().stream().mapToLong(Long::longValue).sum();
    LatencyHistogram latency = PipelinesFamily.exampleLatency(total, 180);
    return new ResultsSnapshot.Pipeline(
        id,
        total,
        OptionalDouble.of(20),
        total - errors,
        errors,
        outcomes,
        Map.of(PipelinesSnapshot.LATENCY_WINDOW, latency),
        latency);
  }
}
