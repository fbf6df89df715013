package io.frmonitor.family.pipelines;

import io.frmonitor.family.Signal;
import io.frmonitor.family.Signals;
import io.frmonitor.family.TapMetrics;
import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import java.util.List;

/** Frames routed, results and the latency between pipeline stages. */
final class PipelineSamples {
  static final MetricDef FRAMES =
      MetricDef.counter(
          "fr_frames",
          "Frames the pipelines manager routed to a pipeline (seen by the frame tap).",
          "pipeline_id");
  static final MetricDef HAS_WORKER =
      MetricDef.gauge(
          "fr_pipeline_has_worker",
          "1 when the pipeline a frame was routed to has a worker queue.",
          "pipeline_id");
  static final MetricDef FRAME_JPEG_BYTES =
      MetricDef.counter(
          "fr_frame_jpeg_bytes",
          "Bytes of the routed frames' JPEG images as the gateway re-encoded them (not the base64"
              + " the clients sent).");
  static final MetricDef UNROUTED =
      MetricDef.gauge(
          "fr_frames_unrouted",
          "Frames the pipelines manager took from clients_data but put in no worker's face queue,"
              + " since fr-monitor started (broker counters; exact to about 5 s of traffic).");
  static final MetricDef LATENCY =
      MetricDef.histogram(
          "fr_pipeline_latency_seconds",
          "Latency between pipeline stages, from the frames' own timestamps.",
          "pipeline",
          "stage");
  static final MetricDef RESULTS =
      MetricDef.counter(
          "fr_pipeline_results",
          "Results by pipeline type and outcome (seen by the result tap or the firehose; absent"
              + " while neither sees them).",
          "pipeline",
          "outcome");

  static final List<MetricDef> FRAME_METRICS =
      List.of(FRAMES, HAS_WORKER, FRAME_JPEG_BYTES, UNROUTED, LATENCY, TapMetrics.MALFORMED);
  static final List<MetricDef> RESULT_METRICS = List.of(RESULTS, LATENCY, TapMetrics.MALFORMED);

  private PipelineSamples() {}

  /** The frame tap's figures while fresh, and the unrouted frames while the counters say. */
  static void frames(Latest<PipelinesSnapshot> latest, MetricRegistry registry, SampleWriter out) {
    Long unrouted = FrameCounters.of(registry).unroutedTotal();
    if (unrouted != null) {
      out.value(UNROUTED, unrouted);
    }
    if (latest.stale()) {
      return;
    }
    PipelinesSnapshot s = latest.value();
    for (PipelinesSnapshot.Routing r : s.routing()) {
      String id = Integer.toString(r.pipelineId());
      out.value(FRAMES, r.framesTotal(), id);
      r.hasWorker().ifPresent(w -> out.flag(HAS_WORKER, w, id));
    }
    out.value(FRAME_JPEG_BYTES, s.jpegBytesTotal());
    out.value(TapMetrics.MALFORMED, s.malformed(), "frames");
    out.histogram(LATENCY, s.ingestToRoutingTotal(), "routing", "ingest_to_routing");
  }

  /**
   * The verdicts and latency while a source sees them: the result tap's or the firehose's snapshot,
   * fresh; nothing while only the queue counters count results (those are {@code
   * fr_queue_published_total}).
   */
  static void results(Latest<ResultsSnapshot> latest, MetricRegistry registry, SampleWriter out) {
    if (latest.stale() || Signals.of(registry).source(Signal.OUTCOMES).isEmpty()) {
      return;
    }
    ResultsSnapshot s = latest.value();
    for (ResultsSnapshot.Pipeline p : s.pipelines()) {
      p.outcomes().forEach((outcome, n) -> out.value(RESULTS, n, p.id(), outcome));
      out.histogram(LATENCY, p.ingestToResultTotal(), p.id(), "ingest_to_result");
    }
    out.value(TapMetrics.MALFORMED, s.malformed(), "results");
  }
}
