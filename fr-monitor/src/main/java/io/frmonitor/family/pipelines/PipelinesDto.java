package io.frmonitor.family.pipelines;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.config.Durations;
import io.frmonitor.family.Nullables;
import io.frmonitor.family.Signal;
import io.frmonitor.family.Signals;
import io.frmonitor.model.LatencyHistogram;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /metrics/pipelines}: frames accepted by the gateway (the broker's counters) and routed
 * per pipeline and per client (the frame tap), the pipeline workers' queues, and per face/phone
 * pipeline the results — with which source feeds each signal, and why a signal no source feeds is
 * unknown. An unknown value is null, never 0.
 */
public record PipelinesDto(
    @JsonPropertyDescription("When the frame tap last published; null before its first reading")
        @Nullable Long timestamp,
    boolean stale,
    @JsonPropertyDescription(
            "Which source feeds each signal now: frame_tap, result_tap, firehose, queue_counters;"
                + " null when none does")
        Map<String, @Nullable String> sources,
    @JsonPropertyDescription("Why each signal that no source feeds is unknown, and what to do")
        Map<String, String> unobservable,
    @JsonPropertyDescription(
            "What to bear in mind about a signal's figures from its source now (the firehose"
                + " dropping copies: its counts are lower bounds)")
        Map<String, String> caveats,
    @JsonPropertyDescription(
            "Frames the gateway published to clients_data since fr-monitor started watching (the"
                + " broker's counter)")
        @Nullable Long framesAcceptedTotal,
    @Nullable Double framesAcceptedPerSec,
    @JsonPropertyDescription("Frames in clients_data, not yet taken by the pipelines manager")
        @Nullable Long framesWaiting,
    @JsonPropertyDescription(
            "Frames the pipelines manager took from clients_data but did not put in any worker's"
                + " face queue (lost, or routed to a pipeline without worker): the broker's ack"
                + " counter of clients_data minus its publish counters of the PipeLine_N_face_data"
                + " queues, since fr-monitor started watching. The broker refreshes each queue's"
                + " counters every 5 s, so while frames flow it is exact to about 5 s of traffic;"
                + " a loss shows as a figure that keeps growing")
        @Nullable Long framesUnroutedTotal,
    @JsonPropertyDescription(
            "How far frames_unrouted_total may be off while frames flow: 5 s of their rate (0 at"
                + " rest)")
        @Nullable Long framesUnroutedMargin,
    @JsonPropertyDescription("Frames the pipelines manager routed, seen by the frame tap")
        @Nullable Long framesTotal,
    @Nullable Double framesPerSec,
    @JsonPropertyDescription(
            "Bytes of the routed frames' JPEG images as the gateway re-encoded them"
                + " (frame_size_bytes), not the base64 the clients sent")
        @Nullable Long frameJpegBytesTotal,
    @Nullable Long malformedTotal,
    List<Route> routing,
    @JsonPropertyDescription(
            "Each pipeline worker's face and phone queues (PipeLine_N_face_data, _phone_data): a"
                + " queue without consumer is a dead worker")
        List<PipelineWorkers.Worker> workers,
    @JsonPropertyDescription("Results per pipeline type (face, phone)")
        List<PipelineResults.Result> pipelines,
    List<Client> clients,
    Map<String, Latency> latencyMs) {

  public record Route(
      int pipelineId,
      long framesTotal,
      @Nullable Double framesPerSec,
      @JsonPropertyDescription("false: the pipeline has no worker queue, so its frames are lost")
          @Nullable Boolean hasWorker,
      @JsonPropertyDescription(
              "Distinct clients whose frames reached the pipeline over the last 5 minutes")
          int clients) {}

  public record Client(
      String name,
      long framesTotal,
      @Nullable Double framesPerSec,
      @JsonPropertyDescription(
              "Ids of the pipelines the client's frames were routed to since fr-monitor started,"
                  + " ascending")
          List<Integer> pipelines) {}

  public record Latency(
      String window,
      long count,
      @Nullable Double avg,
      @Nullable Double p50,
      @Nullable Double p95,
      @Nullable Double p99,
      @Nullable Double max) {}

  static PipelinesDto of(MetricRegistry registry, Duration window) {
    Signals signals = Signals.of(registry);
    Signal[] shown = {
      Signal.FRAMES,
      Signal.ROUTING,
      Signal.RESULTS,
      Signal.OUTCOMES,
      Signal.SUCCESS_RATIO,
      Signal.RESULT_LATENCY
    };
    Optional<Latest<PipelinesSnapshot>> latest = registry.latest(PipelinesSnapshot.FAMILY);
    Optional<PipelinesSnapshot> tap = latest.map(Latest::value);
    FrameCounters counted = FrameCounters.of(registry);
    return new PipelinesDto(
        latest.map(l -> l.collectedAt().toEpochMilli()).orElse(null),
        latest.map(Latest::stale).orElse(true),
        signals.sourcesOf(shown),
        signals.unobservableOf(shown),
        signals.caveatsOf(shown),
        counted.acceptedTotal(),
        counted.acceptedPerSec(),
        counted.waiting(),
        counted.unroutedTotal(),
        counted.unroutedMargin(),
        tap.map(PipelinesSnapshot::framesTotal).orElse(null),
        tap.map(s -> Nullables.of(s.framesPerSec())).orElse(null),
        tap.map(PipelinesSnapshot::jpegBytesTotal).orElse(null),
        tap.map(PipelinesSnapshot::malformed).orElse(null),
        tap.map(PipelinesDto::routing).orElse(List.of()),
        PipelineWorkers.of(registry),
        PipelineResults.of(registry, signals, window),
        tap.map(PipelinesDto::clients).orElse(List.of()),
        tap.map(s -> Map.of("ingest_to_routing", latency(s.ingestToRoutingByWindow(), window)))
            .orElse(Map.of()));
  }

  private static List<Route> routing(PipelinesSnapshot s) {
    return s.routing().stream()
        .map(
            r ->
                new Route(
                    r.pipelineId(),
                    r.framesTotal(),
                    Nullables.of(r.framesPerSec()),
                    r.hasWorker().orElse(null),
                    r.clients()))
        .toList();
  }

  private static List<Client> clients(PipelinesSnapshot s) {
    return s.clients().stream()
        .map(
            c ->
                new Client(
                    c.name(), c.framesTotal(), Nullables.of(c.framesPerSec()), c.pipelines()))
        .toList();
  }

  static Latency latency(Map<Duration, LatencyHistogram> byWindow, Duration window) {
    LatencyHistogram h = byWindow.getOrDefault(window, LatencyHistogram.EMPTY);
    String name = Durations.format(window);
    return h.summary()
        .map(
            s ->
                new Latency(name, h.count(), s.avgMs(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.maxMs()))
        .orElse(new Latency(name, 0, null, null, null, null, null));
  }
}
