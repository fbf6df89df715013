package io.frmonitor.family.pipelines;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.config.Durations;
import io.frmonitor.family.Nullables;
import io.frmonitor.model.LatencyHistogram;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.Latest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /metrics/pipelines}: frames routed per pipeline and per client (from the frame tap),
 * the ingest → routing latency, and per face/phone pipeline the results, outcomes and ingest →
 * result latency (from the result tap or the firehose; empty while neither sees results).
 */
public record PipelinesDto(
    @Nullable Long timestamp,
    boolean stale,
    @Nullable Long framesTotal,
    @Nullable Double framesPerSec,
    @JsonPropertyDescription(
            "Bytes of the routed frames' JPEG images (as re-encoded by the gateway)")
        @Nullable Long frameBytesTotal,
    @Nullable Long malformedTotal,
    List<Route> routing,
    @JsonPropertyDescription("Results per pipeline type (face, phone)") List<Result> pipelines,
    List<Client> clients,
    Map<String, Latency> latencyMs) {

  public record Route(
      int pipelineId,
      long framesTotal,
      @Nullable Double framesPerSec,
      @JsonPropertyDescription("false: the pipeline has no worker queue, so its frames are lost")
          @Nullable Boolean hasWorker) {}

  public record Client(String name, long framesTotal, @Nullable Double framesPerSec) {}

  /** One result pipeline type (face, phone), from the result tap. */
  public record Result(
      String id,
      long resultsTotal,
      @Nullable Double resultsPerSec,
      long successTotal,
      long errorTotal,
      @Nullable Double successRatio,
      Map<String, Long> outcomes,
      Latency latencyMs) {}

  public record Latency(
      String window,
      long count,
      @Nullable Double avg,
      @Nullable Double p50,
      @Nullable Double p95,
      @Nullable Double p99,
      @Nullable Double max) {}

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
        Nullables.of(s.framesPerSec()),
        s.frameBytesTotal(),
        s.malformed(),
        s.routing().stream()
            .map(
                r ->
                    new Route(
                        r.pipelineId(),
                        r.framesTotal(),
                        Nullables.of(r.framesPerSec()),
                        r.hasWorker().orElse(null)))
            .toList(),
        pipelines,
        s.clients().stream()
            .map(c -> new Client(c.name(), c.framesTotal(), Nullables.of(c.framesPerSec())))
            .toList(),
        Map.of("ingest_to_routing", latency(s.ingestToRoutingByWindow(), window)));
  }

  private static Result result(ResultsSnapshot.Pipeline p, java.time.Duration window) {
    return new Result(
        p.id(),
        p.resultsTotal(),
        Nullables.of(p.resultsPerSec()),
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
    return h.summary()
        .map(
            s ->
                new Latency(name, h.count(), s.avgMs(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.maxMs()))
        .orElse(new Latency(name, 0, null, null, null, null, null));
  }
}
