package io.frmonitor.family.pipelines;

import io.frmonitor.family.Card;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Param;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.SampleSource;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.MetricRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Frames routed per GPU pipeline and per client ({@code frame_tap}); its body also shows the
 * results family's numbers, so that one endpoint tells a pipeline's whole story.
 */
public final class PipelinesFamily {
  public static final FamilySpec<PipelinesSnapshot> SPEC =
      FamilySpec.of(PipelinesSnapshot.FAMILY, "Pipelines")
          .rest(
              new Rest(
                  PipelinesDto.class,
                  (registry, query) -> body(registry, LatencyWindows.of(query, registry)),
                  (registry, query) -> body(registry, PipelinesSnapshot.LATENCY_WINDOW),
                  "Frames, results, outcomes and latency per pipeline",
                  "Frames routed per GPU pipeline and per client from fr-monitor's frame tap on"
                      + " received_clients_data; results, outcomes and ingest-to-result latency"
                      + " per face/phone pipeline from the result tap on pipeline_results (or the"
                      + " opt-in firehose). Latency percentiles cover the requested window"
                      + " (default 5 minutes, rounded up to 1, 5, 15, 30 or 60 minutes).",
                  List.of(Param.window("The span of the latency percentiles (default 5m)."))))
          .alsoReads(ResultsSnapshot.FAMILY)
          .samples(PipelineSamples.FRAME_METRICS, SampleSource.whenFresh(PipelineSamples::frames))
          .series(PipelinesFamily::series)
          .card(Card.custom())
          .build();

  private PipelinesFamily() {}

  private static PipelinesDto body(MetricRegistry registry, Duration window) {
    return PipelinesDto.of(
        registry.latest(PipelinesSnapshot.FAMILY), registry.latest(ResultsSnapshot.FAMILY), window);
  }

  static Map<String, Double> series(PipelinesSnapshot s) {
    Points p = new Points(PipelinesSnapshot.FAMILY);
    p.put("frames_per_sec", s.framesPerSec());
    for (PipelinesSnapshot.Routing r : s.routing()) {
      p.put("frames_per_sec", Integer.toString(r.pipelineId()), r.framesPerSec());
    }
    if (s.ingestToRouting().count() > 0) {
      p.put("ingest_to_routing_p50_ms", s.ingestToRouting().p50Ms());
      p.put("ingest_to_routing_p95_ms", s.ingestToRouting().p95Ms());
    }
    return p.map();
  }
}
