package io.frmonitor.family.pipelines;

import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Output;
import io.frmonitor.family.Points;
import io.frmonitor.family.SampleSource;
import io.frmonitor.model.ResultsSnapshot;
import java.util.Map;

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
          .samples(PipelineSamples.RESULT_METRICS, SampleSource.whenFresh(PipelineSamples::results))
          .series(ResultsFamily::series)
          .build();

  private ResultsFamily() {}

  static Map<String, Double> series(ResultsSnapshot s) {
    Points p = new Points(ResultsSnapshot.FAMILY);
    for (ResultsSnapshot.Pipeline pipeline : s.pipelines()) {
      p.put("per_sec", pipeline.id(), pipeline.resultsPerSec());
      if (pipeline.ingestToResult().count() > 0) {
        p.put("ingest_to_result_p95_ms", pipeline.id(), pipeline.ingestToResult().p95Ms());
      }
    }
    return p.map();
  }
}
