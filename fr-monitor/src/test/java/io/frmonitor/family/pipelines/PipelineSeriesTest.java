package io.frmonitor.family.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.frmonitor.model.LatencyHistogram;
import io.frmonitor.model.ResultsSnapshot;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The history series the pipelines' and results' snapshots write (docs/metrics.md). */
class PipelineSeriesTest {
  @Test
  void resultsWriteTheirRateEachOutcomesTotalAndThreePercentiles() {
    Map<String, Double> series = ResultsFamily.series(ResultsFamily.example());

    assertThat(series)
        .contains(
            entry("results.per_sec:face", 20.0),
            entry("results.outcomes_total:face.pass", 980.0),
            entry("results.outcomes_total:face.spoof", 40.0),
            entry("results.outcomes_total:phone.phone_detected", 88.0),
            entry("results.outcomes_total:phone.processing_error", 2.0))
        .containsKeys(
            "results.ingest_to_result_p50_ms:face",
            "results.ingest_to_result_p95_ms:face",
            "results.ingest_to_result_p99_ms:phone");
    assertThat(series.get("results.ingest_to_result_p99_ms:face"))
        .isGreaterThanOrEqualTo(series.get("results.ingest_to_result_p95_ms:face"));
  }

  @Test
  void aPipelineWithoutResultsYetWritesNoPointsForThem() {
    ResultsSnapshot none =
        new ResultsSnapshot(
            List.of(
                new ResultsSnapshot.Pipeline(
                    "face",
                    0,
                    OptionalDouble.empty(),
                    0,
                    0,
                    Map.of(),
                    Map.of(),
                    LatencyHistogram.EMPTY)),
            0,
            0,
            0);

    assertThat(ResultsFamily.series(none)).isEmpty();
  }

  @Test
  void routingLatencyHasItsThreePercentiles() {
    assertThat(PipelinesFamily.series(PipelinesFamily.example()))
        .containsKeys(
            "pipelines.frames_per_sec",
            "pipelines.frames_per_sec:2",
            "pipelines.ingest_to_routing_p50_ms",
            "pipelines.ingest_to_routing_p95_ms",
            "pipelines.ingest_to_routing_p99_ms");
  }
}
