package io.frmonitor.family.pipelines;

import io.frmonitor.family.Card;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Param;
import io.frmonitor.family.Points;
import io.frmonitor.family.Rest;
import io.frmonitor.family.Signal;
import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.LatencyHistogram;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Frames routed per GPU pipeline and per client ({@code frame_tap}); its body also shows the
 * results family's numbers and what the broker's queue counters say of frames, workers and results,
 * so that one endpoint tells a pipeline's whole story — with the source of each signal.
 */
public final class PipelinesFamily {
  public static final FamilySpec<PipelinesSnapshot> SPEC =
      FamilySpec.of(PipelinesSnapshot.FAMILY, "Pipelines")
          .rest(
              new Rest(
                  PipelinesDto.class,
                  (registry, query) ->
                      PipelinesDto.of(registry, LatencyWindows.of(query, registry)),
                  (registry, query) -> PipelinesDto.of(registry, PipelinesSnapshot.LATENCY_WINDOW),
                  "Frames, results, outcomes and latency per pipeline",
                  "Frames accepted by the gateway and taken by the pipelines manager (the"
                      + " broker's counters of clients_data), routed per GPU pipeline and per"
                      + " client (fr-monitor's frame tap on received_clients_data), the workers'"
                      + " queues, and per face/phone pipeline the results: with verdicts and"
                      + " ingest-to-result latency from the result tap (improved producers) or the"
                      + " firehose (the vhost traced), else their number from the broker's counters"
                      + " of face_pipeline_results and phone_pipeline_results. `sources` says which"
                      + " source feeds each signal; `unobservable` why one has none (its values are"
                      + " then null). Latency percentiles cover the requested window (default 5"
                      + " minutes, rounded up to 1, 5, 15, 30 or 60 minutes).",
                  List.of(Param.window("The span of the latency percentiles (default 5m)."))))
          .alsoReads(ResultsSnapshot.FAMILY, QueuesSnapshot.FAMILY, DecisionsSnapshot.FAMILY)
          .example(example())
          .samples(PipelineSamples.FRAME_METRICS, PipelineSamples::frames)
          .observesWhere(
              Signal.RESULT_LATENCY, PipelineSamples.LATENCY, "stage", "ingest_to_result")
          .series(PipelinesFamily::series)
          .card(Card.custom())
          .build();

  private PipelinesFamily() {}

  static Map<String, Double> series(PipelinesSnapshot s) {
    Points p = new Points(PipelinesSnapshot.FAMILY);
    p.put("frames_per_sec", s.framesPerSec());
    for (PipelinesSnapshot.Routing r : s.routing()) {
      p.put("frames_per_sec", Integer.toString(r.pipelineId()), r.framesPerSec());
    }
    s.ingestToRouting()
        .summary()
        .ifPresent(
            l -> {
              p.put("ingest_to_routing_p50_ms", l.p50Ms());
              p.put("ingest_to_routing_p95_ms", l.p95Ms());
              p.put("ingest_to_routing_p99_ms", l.p99Ms());
            });
    return p.map();
  }

  /** Two pipelines with workers, one without; two clients; latency around 40 ms. */
  static PipelinesSnapshot example() {
    LatencyHistogram latency = exampleLatency(1200, 41.5);
    return new PipelinesSnapshot(
        1200,
        OptionalDouble.of(20),
        58_211_977,
        0,
        List.of(
            new PipelinesSnapshot.Routing(0, 600, OptionalDouble.of(10), Optional.of(true), 2),
            new PipelinesSnapshot.Routing(1, 580, OptionalDouble.of(9.6), Optional.of(true), 2),
            new PipelinesSnapshot.Routing(2, 20, OptionalDouble.of(0.4), Optional.of(false), 1)),
        List.of(
            new PipelinesSnapshot.ClientFrames(
                "obama", 700, OptionalDouble.of(11.5), List.of(0, 1, 2)),
            new PipelinesSnapshot.ClientFrames(
                "biden", 500, OptionalDouble.of(8.5), List.of(0, 1))),
        Map.of(PipelinesSnapshot.LATENCY_WINDOW, latency),
        latency);
  }

  /** {@code count} observations around {@code avgMs}, in the taps' buckets. */
  static LatencyHistogram exampleLatency(long count, double avgMs) {
    List<Double> bounds =
        List.of(5.0, 10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0, 10000.0);
    List<Long> counts = new ArrayList<>(Collections.nCopies(bounds.size() + 1, 0L));
    counts.set(3, count * 9 / 10);
    counts.set(4, count - count * 9 / 10);
    return new LatencyHistogram(
        count, count * avgMs, avgMs * 2.2, avgMs * 0.95, avgMs * 1.6, avgMs * 2.0, bounds, counts);
  }
}
