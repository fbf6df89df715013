package io.frmonitor.api;

import io.frmonitor.config.Durations;
import io.frmonitor.model.LatencyHistogram;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
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
    List<Result> pipelines,
    List<Client> clients,
    Map<String, Latency> latencyMs) {

  record Route(int pipelineId, long framesTotal, Double framesPerSec, Boolean hasWorker) {}

  record Client(String name, long framesTotal, Double framesPerSec) {}

  /** One result pipeline type (face, phone), from the result tap. */
  record Result(
      String id,
      long resultsTotal,
      Double resultsPerSec,
      long successTotal,
      long errorTotal,
      Double successRatio,
      Map<String, Long> outcomes,
      Latency latencyMs) {}

  record Latency(
      String window, long count, Double avg, Double p50, Double p95, Double p99, Double max) {}

  static PipelinesDto of(
      Optional<Latest<PipelinesSnapshot>> latest,
      Optional<Latest<ResultsSnapshot>> results,
      java.time.Duration window) {
    List<Result> pipelines =
        results
            .map(r -> r.value().pipelines().stream().map(p -> result(p, window)).toList())
            .orElse(List.of());
    if (latest.isEmpty()) {
      return new PipelinesDto(
          null, true, null, null, null, null, List.of(), pipelines, List.of(), Map.of());
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
        pipelines,
        s.clients().stream()
            .map(c -> new Client(c.name(), c.framesTotal(), Json.orNull(c.framesPerSec())))
            .toList(),
        Map.of("ingest_to_routing", latency(s.ingestToRoutingByWindow(), window)));
  }

  private static Result result(ResultsSnapshot.Pipeline p, java.time.Duration window) {
    return new Result(
        p.id(),
        p.resultsTotal(),
        Json.orNull(p.resultsPerSec()),
        p.successTotal(),
        p.errorTotal(),
        p.resultsTotal() == 0 ? null : (double) p.successTotal() / p.resultsTotal(),
        p.outcomes(),
        latency(p.ingestToResultByWindow(), window));
  }

  private static Latency latency(
      Map<java.time.Duration, LatencyHistogram> byWindow, java.time.Duration window) {
    LatencyHistogram h = byWindow.getOrDefault(window, LatencyHistogram.EMPTY);
    String name = Durations.format(window);
    if (h.count() == 0) {
      return new Latency(name, 0, null, null, null, null, null);
    }
    return new Latency(name, h.count(), h.avgMs(), h.p50Ms(), h.p95Ms(), h.p99Ms(), h.maxMs());
  }
}
