package io.frmonitor.model;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The results seen, per pipeline type ({@code face}, {@code phone}): through the result tap on the
 * {@code pipeline_results} exchange when the workers publish there (the producer change of
 * docs/producers.md), through the firehose when they publish on the default exchange and the broker
 * traces it. Empty while neither sees any.
 *
 * @param fromTap results that came through the tap: the improved producers are there
 * @param fromFirehose results that came through the firehose
 */
public record ResultsSnapshot(
    List<Pipeline> pipelines, long malformed, long fromTap, long fromFirehose) {
  /** The results family: what the outputs call this snapshot. */
  public static final Family<ResultsSnapshot> FAMILY =
      new Family<>("results", ResultsSnapshot.class);

  public ResultsSnapshot {
    pipelines = List.copyOf(pipelines);
  }

  /**
   * One pipeline type. {@code success} counts results without a {@code processing_error}, {@code
   * error} those with one; {@code outcomes} is the verdict mix (face: pass, no_face, spoof,
   * wrong_user; phone: pass, phone_detected; both: processing_error).
   */
  public record Pipeline(
      String id,
      long resultsTotal,
      OptionalDouble resultsPerSec,
      long successTotal,
      long errorTotal,
      Map<String, Long> outcomes,
      Map<java.time.Duration, LatencyHistogram> ingestToResultByWindow,
      LatencyHistogram ingestToResultTotal) {
    public Pipeline {
      outcomes = Map.copyOf(outcomes);
      ingestToResultByWindow =
          java.util.Collections.unmodifiableMap(
              new java.util.LinkedHashMap<>(ingestToResultByWindow));
    }

    /** Over the default {@link PipelinesSnapshot#LATENCY_WINDOW}. */
    public LatencyHistogram ingestToResult() {
      return ingestToResultByWindow.getOrDefault(
          PipelinesSnapshot.LATENCY_WINDOW, LatencyHistogram.EMPTY);
    }
  }
}
