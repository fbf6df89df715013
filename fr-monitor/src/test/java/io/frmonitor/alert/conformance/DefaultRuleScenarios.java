package io.frmonitor.alert.conformance;

import io.frmonitor.alert.conformance.Scenario.Track;
import io.frmonitor.alert.conformance.Scenario.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scenario for each shipped rule: the condition holds too briefly to fire, then long enough; with
 * a clear threshold, a value between the two keeps it firing (and does not start it); then it
 * resolves. Series the selector must not pick run alongside.
 *
 * <p>Samples come every 7 s, which divides none of the rules' windows: no sample ever lies on a
 * window's start, where Prometheus 2 (range {@code [t - w, t]}) differs from Prometheus 3 and
 * fr-monitor ({@code (t - w, t]}). Means over a window stay clear of the thresholds' exact edges,
 * where their last bits could tip the comparison either way.
 */
final class DefaultRuleScenarios {
  static final Duration STEP = Duration.ofSeconds(7);

  /** Steps a {@code for} of one minute takes to fire: 63 s. */
  private static final int ONE_MINUTE = 9;

  /** Steps a {@code for} or a window of two minutes takes: 126 s. */
  private static final int TWO_MINUTES = 18;

  /** Steps a {@code for} or a window of five minutes takes: 301 s. */
  private static final int FIVE_MINUTES = 43;

  private DefaultRuleScenarios() {}

  static List<Scenario> all() {
    return List.of(
        gpuUtilizationHigh(),
        hysteresis("GpuMemoryHigh", "fr_gpu_memory_used_ratio", gpu0(), 0.97, 0.92, ONE_MINUTE),
        hysteresis(
            "GpuTemperatureHigh", "fr_gpu_temperature_celsius", gpu0(), 87.5, 82, FIVE_MINUTES),
        queueBacklogHigh(),
        queueBacklogGrowing(),
        pipelineWorkerDown(),
        zeroForAWhile("FramesRoutedToMissingPipeline", "fr_pipeline_has_worker", "pipeline_id", 1),
        actionsRequeueLoop(),
        resultsStalled(),
        pipelineErrorRatioHigh(),
        pipelineLatencyHigh(),
        clientBlockedButActive(),
        zeroForAWhile("GatewayDown", "fr_gateway_up", "gateway", ONE_MINUTE),
        orphanedFrames(),
        zeroForAWhile("StorageNotReady", "fr_storage_ready", "", ONE_MINUTE),
        zeroForAWhile("StorageUnreachable", "fr_storage_up", "", ONE_MINUTE),
        hysteresis(
            "HostMemoryHigh", "fr_system_memory_used_ratio", Map.of(), 0.95, 0.875, FIVE_MINUTES),
        hostDiskFull(),
        collectorDown(),
        redisEvictingKeys(),
        oneForAWhile("RabbitMqMemoryAlarm", "fr_rabbitmq_node_memory_alarm"),
        oneForAWhile("RabbitMqDiskAlarm", "fr_rabbitmq_node_disk_free_alarm"));
  }

  private static Map<String, String> gpu0() {
    return Map.of("gpu", "0");
  }

  private static Map<String, String> owned(String queue) {
    return Map.of("queue", queue, "owner", "fr-server");
  }

  private static Scenario scenario(String rule, Track main, Track... others) {
    List<Track> tracks = new ArrayList<>(List.of(main));
    tracks.addAll(List.of(others));
    return new Scenario(rule, STEP, tracks);
  }

  /** A series that keeps one value as long as {@code like}. */
  private static Track constant(String metric, Map<String, String> labels, double v, Track like) {
    return new Track(metric, labels, Values.start().hold(v, like.values().size()).list());
  }

  /**
   * A gauge with a clear threshold: {@code between} while not firing (nothing), {@code bad} too
   * briefly, then for {@code forSteps} and more; {@code between} (still firing), {@code bad} and
   * {@code between} again; below the clear threshold (resolved); {@code between} (still resolved).
   */
  private static Scenario hysteresis(
      String rule,
      String metric,
      Map<String, String> labels,
      double bad,
      double between,
      int forSteps) {
    double ok = between / 2;
    Values v =
        Values.start()
            .hold(ok, 4)
            .hold(between, 5)
            .hold(bad, forSteps / 2)
            .hold(ok, 3)
            .hold(bad, forSteps + 6)
            .hold(between, 6)
            .hold(bad, 3)
            .hold(between, 3)
            .hold(ok, 5)
            .hold(between, 6)
            .hold(ok, 2);
    return scenario(rule, new Track(metric, labels, v.list()));
  }

  /** avg over 1 m (9 samples) above 0.9, clear 0.85: the mean moves a step behind the values. */
  private static Scenario gpuUtilizationHigh() {
    Values v =
        Values.start()
            .hold(0.5, 10)
            .hold(0.875, 12) // a mean of 0.875: between, not firing
            .hold(0.97, 4) // the mean passes 0.9 for a few steps: pending only
            .hold(0.875, 12)
            .hold(0.97, 25) // fires
            .hold(0.875, 15) // the mean comes down to 0.875: still firing
            .hold(0.5, 15) // resolved
            .hold(0.875, 15); // between again: stays resolved
    Track busy = new Track("fr_gpu_utilization_ratio", gpu0(), v.list());
    return scenario(
        "GpuUtilizationHigh",
        busy,
        constant("fr_gpu_utilization_ratio", Map.of("gpu", "1"), 0.3, busy));
  }

  /** ready + unacked above 1000, clear 500; the monitor's own queues are not fr-server's. */
  private static Scenario queueBacklogHigh() {
    Values v =
        Values.start()
            .hold(10, 5)
            .hold(700, 5)
            .hold(1500, 4)
            .hold(700, 3)
            .hold(1500, 15)
            .hold(700, 5)
            .hold(100, 5)
            .hold(700, 5);
    Track depth = new Track("fr_queue_depth", owned("PipeLine_0_face_data"), v.list());
    return scenario(
        "QueueBacklogHigh",
        depth,
        constant(
            "fr_queue_depth",
            Map.of("queue", "fr-monitor.tap", "owner", "fr-monitor"),
            5000,
            depth));
  }

  /** delta over 5 m above 0 for 5 m: a queue that grows for 12 minutes, then holds. */
  private static Scenario queueBacklogGrowing() {
    Values v =
        Values.start().hold(100, 5).rise(103, 3, 10).hold(130, 3).rise(133, 3, 100).hold(430, 60);
    Track depth = new Track("fr_queue_depth", owned("PipeLine_1_phone_data"), v.list());
    return scenario(
        "QueueBacklogGrowing", depth, constant("fr_queue_depth", owned("actions"), 40, depth));
  }

  /** Consumers of a pipeline queue below 1 for a minute; other queues do not count. */
  private static Scenario pipelineWorkerDown() {
    Values v = Values.start().hold(1, 5).hold(0, ONE_MINUTE / 2).hold(1, 3).hold(0, 15).hold(2, 5);
    Track worker = new Track("fr_queue_consumers", owned("PipeLine_0_face_data"), v.list());
    return scenario(
        "PipelineWorkerDown",
        worker,
        constant("fr_queue_consumers", owned("PipeLine_1_phone_data"), 1, worker),
        constant("fr_queue_consumers", owned("actions"), 0, worker),
        constant("fr_queue_consumers", owned("PipeLine_x_face_data"), 0, worker));
  }

  /** A 0/1 gauge at 0 for a while ({@code forSteps} of its {@code for}), 1 around it. */
  private static Scenario zeroForAWhile(String rule, String metric, String label, int forSteps) {
    Values v =
        Values.start().hold(1, 5).hold(0, forSteps / 2).hold(1, 3).hold(0, forSteps + 5).hold(1, 5);
    Map<String, String> labels = label.isEmpty() ? Map.of() : Map.of(label, "3");
    Track down = new Track(metric, labels, v.list());
    return label.isEmpty()
        ? scenario(rule, down)
        : scenario(rule, down, constant(metric, Map.of(label, "0"), 1, down));
  }

  /** A 0/1 alarm raised for a while on one node, never on the other. */
  private static Scenario oneForAWhile(String rule, String metric) {
    Track alarm =
        new Track(
            metric,
            Map.of("node", "rabbit@a"),
            Values.start().hold(0, 5).hold(1, 5).hold(0, 5).list());
    return scenario(rule, alarm, constant(metric, Map.of("node", "rabbit@b"), 0, alarm));
  }

  /** increase over 2 m above 0 for 2 m: redeliveries, a counter reset among them, then none. */
  private static Scenario actionsRequeueLoop() {
    Values v = Values.start().hold(0, 5).rise(2, 2, 15).rise(1, 3, 12).hold(34, 25);
    Track redelivered = new Track("fr_queue_redelivered_total", owned("actions"), v.list());
    return scenario(
        "ActionsRequeueLoop",
        redelivered,
        new Track(
            "fr_queue_redelivered_total",
            owned("clients_data"),
            Values.start().rise(0, 5, redelivered.values().size()).list()));
  }

  /** Clients active after their block above 0 (no for); the other kind does not count. */
  private static Scenario clientBlockedButActive() {
    Track late =
        new Track(
            "fr_client_anomalies",
            Map.of("kind", "active_after_block"),
            Values.start().hold(0, 5).hold(2, 5).hold(1, 3).hold(0, 5).list());
    return scenario(
        "ClientBlockedButActive",
        late,
        constant("fr_client_anomalies", Map.of("kind", "blocked_and_active"), 3, late));
  }

  /** Orphaned frames above 0 for 10 m: 86 steps. */
  private static Scenario orphanedFrames() {
    Values v = Values.start().hold(0, 5).hold(3, 20).hold(0, 2).hold(3, 50).hold(5, 45).hold(0, 5);
    return scenario(
        "OrphanedFrames",
        new Track("fr_storage_orphaned_frames", Map.of("bucket", "frames"), v.list()));
  }

  private static Scenario hostDiskFull() {
    Scenario full =
        hysteresis(
            "HostDiskFull",
            "fr_system_filesystem_used_ratio",
            Map.of("mount", "/", "device", "/dev/sda1"),
            0.93,
            0.875,
            FIVE_MINUTES);
    Track root = full.tracks().get(0);
    return scenario(
        "HostDiskFull",
        root,
        constant(
            "fr_system_filesystem_used_ratio",
            Map.of("mount", "/data", "device", "/dev/sdb1"),
            0.5,
            root));
  }

  /** A collector's state {@code down} at 1 for 2 m; its other states' series alongside. */
  private static Scenario collectorDown() {
    Values v = Values.start().hold(0, 5).hold(1, 6).hold(0, 3).hold(1, TWO_MINUTES + 7).hold(0, 5);
    Track down =
        new Track("fr_collector_state", Map.of("collector", "redis", "state", "down"), v.list());
    Values ok = Values.start();
    down.values().forEach(x -> ok.hold(1 - x, 1));
    return scenario(
        "CollectorDown",
        down,
        new Track("fr_collector_state", Map.of("collector", "redis", "state", "ok"), ok.list()));
  }

  /** increase over 5 m above 0 (no for): ten evictions, then five minutes and more without. */
  private static Scenario redisEvictingKeys() {
    Values v = Values.start().hold(0, 5).rise(1, 1, 10).hold(10, FIVE_MINUTES + 10);
    return scenario(
        "RedisEvictingKeys", new Track("fr_redis_evicted_keys_total", Map.of(), v.list()));
  }

  /**
   * No face result for 3 m while frames arrive, for 2 m: fires; frames stop too: resolves (the
   * guard). The phone results pause too briefly; other queues' counters do not count.
   */
  private static Scenario resultsStalled() {
    Track face =
        new Track(
            "fr_queue_published_total",
            owned("face_pipeline_results"),
            Values.start().climb(3, 10).hold(30, 80).climb(3, 10).list());
    Track phone =
        new Track(
            "fr_queue_published_total",
            owned("phone_pipeline_results"),
            Values.start().climb(2, 30).hold(60, 30).climb(2, 40).list());
    Track frames =
        new Track(
            "fr_queue_published_total",
            owned("clients_data"),
            Values.start().climb(6, 60).hold(360, 40).list());
    return scenario(
        "ResultsStalled",
        face,
        phone,
        frames,
        constant("fr_queue_published_total", owned("actions"), 7, face));
  }

  /**
   * The face pipeline's errors at 1 %, 10 % (fires), 3 % (between the clear threshold and the
   * threshold: keeps firing), then none (resolves); the phone pipeline's never. Counters start
   * high, so that no rate is extrapolated towards zero.
   */
  private static Scenario pipelineErrorRatioHigh() {
    int a = 45;
    int b = 80;
    int c = 60;
    int d = 60;
    Track facePass =
        results(
            "face",
            "pass",
            Values.start()
                .hold(10_000, 1)
                .climb(99, a - 1)
                .climb(90, b)
                .climb(97, c)
                .climb(100, d));
    Track faceErrors =
        results(
            "face",
            "processing_error",
            Values.start().hold(500, 1).climb(1, a - 1).climb(10, b).climb(3, c).climb(0, d));
    int steps = a + b + c + d;
    return scenario(
        "PipelineErrorRatioHigh",
        faceErrors,
        facePass,
        results("phone", "pass", Values.start().hold(8_000, 1).climb(50, steps - 1)),
        results("phone", "processing_error", Values.start().hold(40, steps)));
  }

  private static Track results(String pipeline, String outcome, Values v) {
    return new Track(
        "fr_pipeline_results_total", Map.of("pipeline", pipeline, "outcome", outcome), v.list());
  }

  /**
   * The face pipeline's ingest-to-result p95 at 0.475 s, 4.75 s (fires), 1.75 s (between: keeps
   * firing), 0.475 s (resolves); the phone pipeline stays fast; the routing stage, slow, is not
   * selected. Each phase gives each bucket its increase per step.
   */
  private static Scenario pipelineLatencyHigh() {
    double[] fast = {100, 100, 100, 100, 100};
    double[] slow = {10, 20, 50, 100, 100};
    double[] medium = {10, 90, 100, 100, 100};
    List<Track> tracks = new ArrayList<>();
    tracks.addAll(
        latency(
            "face",
            "ingest_to_result",
            List.of(fast, slow, medium, fast),
            List.of(30, 90, 60, 60)));
    tracks.addAll(latency("phone", "ingest_to_result", List.of(fast), List.of(240)));
    tracks.addAll(latency("routing", "ingest_to_routing", List.of(slow), List.of(240)));
    return scenario(
        "PipelineLatencyHigh",
        tracks.get(0),
        tracks.subList(1, tracks.size()).toArray(Track[]::new));
  }

  /** The {@code le} buckets of one pipeline's latency, rising by a phase's increases per step. */
  private static List<Track> latency(
      String pipeline, String stage, List<double[]> phases, List<Integer> lengths) {
    String[] les = {"0.5", "1.0", "2.5", "5.0", "+Inf"};
    List<Track> out = new ArrayList<>();
    for (int i = 0; i < les.length; i++) {
      Values v = Values.start().hold(1_000 * (i + 1), 1);
      for (int p = 0; p < phases.size(); p++) {
        v.climb(phases.get(p)[i], lengths.get(p) - (p == 0 ? 1 : 0));
      }
      out.add(
          new Track(
              "fr_pipeline_latency_seconds_bucket",
              Map.of("pipeline", pipeline, "stage", stage, "le", les[i]),
              v.list()));
    }
    return out;
  }
}
