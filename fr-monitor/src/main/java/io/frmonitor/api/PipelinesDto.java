package io.frmonitor.api;

import io.frmonitor.config.Durations;
import io.frmonitor.model.LatencyHistogram;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.registry.Latest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /metrics/pipelines}: frames routed per pipeline and per client (from the frame tap)
 * and the ingest → routing latency. {@code pipelines} (results per face/phone pipeline) stays empty
 * until the result tap exists.
 */
record PipelinesDto(
    Long timestamp,
    boolean stale,
    Long framesTotal,
    Double framesPerSec,
    Long frameBytesTotal,
    Long malformedTotal,
    List<Route> routing,
    List<Object> pipelines,
    List<Client> clients,
    Map<String, Latency> latencyMs) {

  record Route(int pipelineId, long framesTotal, Double framesPerSec, Boolean hasWorker) {}

  record Client(String name, long framesTotal, Double framesPerSec) {}

  record Latency(
      String window, long count, Double avg, Double p50, Double p95, Double p99, Double max) {}

  static PipelinesDto of(Optional<Latest<PipelinesSnapshot>> latest) {
    if (latest.isEmpty()) {
      return new PipelinesDto(
          null, true, null, null, null, null, List.of(), List.of(), List.of(), Map.of());
    }
    PipelinesSnapshot s = latest.get().value();
    return new PipelinesDto(
        latest.get().collectedAt().toEpochMilli(),
        latest.get().stale(),
        s.framesTotal(),
        Json.orNull(s.framesPerSec()),
        s.frameBytesTotal(),
        s.malformed(),
        s.routing().stream()
            .map(
                r ->
                    new Route(
                        r.pipelineId(),
                        r.framesTotal(),
                        Json.orNull(r.framesPerSec()),
                        r.hasWorker().orElse(null)))
            .toList(),
        List.of(),
        s.clients().stream()
            .map(c -> new Client(c.name(), c.framesTotal(), Json.orNull(c.framesPerSec())))
            .toList(),
        Map.of("ingest_to_routing", latency(s.ingestToRouting())));
  }

  private static Latency latency(LatencyHistogram h) {
    String window = Durations.format(PipelinesSnapshot.LATENCY_WINDOW);
    if (h.count() == 0) {
      return new Latency(window, 0, null, null, null, null, null);
    }
    return new Latency(window, h.count(), h.avgMs(), h.p50Ms(), h.p95Ms(), h.p99Ms(), h.maxMs());
  }
}
