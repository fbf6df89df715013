package io.frmonitor.model;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What the frame tap saw: every frame the pipelines manager routed to a GPU pipeline (a copy of
 * {@code received_clients_data}). Totals are since fr-monitor started; rates are over the last
 * collection interval (empty on the first).
 *
 * @param ingestToRoutingByWindow latency from the gateway's ingest time (in the frame's object key,
 *     or an epoch {@code ingest_ts} when producers add one) to the tap's receipt, per sliding
 *     window (1, 5, 15, 30, 60 minutes)
 * @param ingestToRoutingTotal the same since start (Prometheus' cumulative histogram)
 * @param jpegBytesTotal the routed frames' JPEG bytes ({@code frame_size_bytes}: the image the
 *     gateway decoded from the client's base64 and encoded again), not what the clients sent
 * @param malformed messages that could not be decoded or had no client (counted, acked, dropped)
 */
public record PipelinesSnapshot(
    long framesTotal,
    OptionalDouble framesPerSec,
    long jpegBytesTotal,
    long malformed,
    List<Routing> routing,
    List<ClientFrames> clients,
    java.util.Map<java.time.Duration, LatencyHistogram> ingestToRoutingByWindow,
    LatencyHistogram ingestToRoutingTotal) {
  /** The pipelines family: what the outputs call this snapshot. */
  public static final Family<PipelinesSnapshot> FAMILY =
      new Family<>("pipelines", PipelinesSnapshot.class);

  /** The window latency percentiles cover unless a request asks for another. */
  public static final java.time.Duration LATENCY_WINDOW = java.time.Duration.ofMinutes(5);

  /**
   * The windows the taps keep latency percentiles for, shortest first; a requested window is
   * rounded up to one of them.
   */
  public static final List<java.time.Duration> LATENCY_WINDOWS =
      List.of(
          java.time.Duration.ofMinutes(1),
          LATENCY_WINDOW,
          java.time.Duration.ofMinutes(15),
          java.time.Duration.ofMinutes(30),
          java.time.Duration.ofMinutes(60));

  /** Over the default {@link #LATENCY_WINDOW}. */
  public LatencyHistogram ingestToRouting() {
    return ingestToRoutingByWindow.getOrDefault(LATENCY_WINDOW, LatencyHistogram.EMPTY);
  }

  public PipelinesSnapshot {
    routing = List.copyOf(routing);
    clients = List.copyOf(clients);
    ingestToRoutingByWindow =
        java.util.Collections.unmodifiableMap(
            new java.util.LinkedHashMap<>(ingestToRoutingByWindow));
  }

  /**
   * Frames routed to pipeline {@code N} ({@code PipeLine_<N>}). {@code hasWorker} is empty until
   * checked; false means the pipeline has no worker queue, so its frames are lost.
   *
   * @param clients distinct clients whose frames reached the pipeline over {@link #LATENCY_WINDOW}:
   *     the pipeline worker's active clients
   */
  public record Routing(
      int pipelineId,
      long framesTotal,
      OptionalDouble framesPerSec,
      java.util.Optional<Boolean> hasWorker,
      int clients) {}

  /**
   * Frames of one client.
   *
   * @param pipelines the ids of the pipelines its frames were routed to since start, ascending
   */
  public record ClientFrames(
      String name, long framesTotal, OptionalDouble framesPerSec, List<Integer> pipelines) {
    public ClientFrames {
      pipelines = List.copyOf(pipelines);
    }
  }
}
