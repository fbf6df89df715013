package io.frmonitor.family.pipelines;

import io.frmonitor.family.TapMetrics;
import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
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
  static final MetricDef FRAME_BYTES =
      MetricDef.counter(
          "fr_frame_bytes",
          "Bytes of the routed frames' JPEG images (as re-encoded by the gateway).");
  static final MetricDef LATENCY =
      MetricDef.histogram(
          "fr_pipeline_latency_seconds",
          "Latency between pipeline stages, from the frames' own timestamps.",
          "pipeline",
          "stage");
  static final MetricDef RESULTS =
      MetricDef.counter(
          "fr_pipeline_results",
          "Results by pipeline type and outcome (seen by the result tap).",
          "pipeline",
          "outcome");

  static final List<MetricDef> FRAME_METRICS =
      List.of(FRAMES, HAS_WORKER, FRAME_BYTES, LATENCY, TapMetrics.MALFORMED);
  static final List<MetricDef> RESULT_METRICS = List.of(RESULTS, LATENCY, TapMetrics.MALFORMED);

  private PipelineSamples() {}

  static void frames(PipelinesSnapshot s, SampleWriter out) {
    for (PipelinesSnapshot.Routing r : s.routing()) {
      String id = Integer.toString(r.pipelineId());
      out.value(FRAMES, r.framesTotal(), id);
      r.hasWorker().ifPresent(w -> out.flag(HAS_WORKER, w, id));
    }
    out.value(FRAME_BYTES, s.frameBytesTotal());
    out.value(TapMetrics.MALFORMED, s.malformed(), "frames");
    out.histogram(LATENCY, s.ingestToRoutingTotal(), "routing", "ingest_to_routing");
  }

  static void results(ResultsSnapshot s, SampleWriter out) {
    for (ResultsSnapshot.Pipeline p : s.pipelines()) {
      p.outcomes().forEach((outcome, n) -> out.value(RESULTS, n, p.id(), outcome));
      out.histogram(LATENCY, p.ingestToResultTotal(), p.id(), "ingest_to_result");
    }
    out.value(TapMetrics.MALFORMED, s.malformed(), "results");
  }
}
