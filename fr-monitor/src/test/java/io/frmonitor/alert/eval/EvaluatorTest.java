package io.frmonitor.alert.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.alert.Rules;
import io.frmonitor.alert.rule.RuleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every state transition of the evaluator, on a clock moved by hand. */
class EvaluatorTest {
  private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

  private final Map<String, Availability> availability = new HashMap<>();
  private final Map<String, List<Observation.Unobservable>> unobservable = new HashMap<>();
  private final List<Series> current = new ArrayList<>();
  private SeriesWindows windows = SeriesWindows.none();
  private AlertState state = AlertState.EMPTY;
  private final List<Transition> seen = new ArrayList<>();
  private RuleSet rules;

  private void rules(String yaml) {
    rules = Rules.of(yaml);
    windows = new SeriesWindows(rules.windowsByMetric(), 1000);
  }

  private static Series queue(String name, double consumers) {
    return new Series("fr_queue_consumers", Map.of("queue", name, "owner", "fr-server"), consumers);
  }

  private static Series gpu(String id, double ratio) {
    return new Series("fr_gpu_utilization_ratio", Map.of("gpu", id), ratio);
  }

  /** Evaluates at {@code T0 + seconds} with {@code series} as the current values. */
  private List<Transition> at(long seconds, Series... series) {
    Instant now = T0.plusSeconds(seconds);
    current.clear();
    current.addAll(List.of(series));
    windows.record(now, current);
    Map<String, List<Series>> byMetric = new HashMap<>();
    current.forEach(s -> byMetric.computeIfAbsent(s.metric(), k -> new ArrayList<>()).add(s));
    Map<String, Availability> av = new HashMap<>();
    rules.metrics().forEach(m -> av.put(m, availability.getOrDefault(m, Availability.OK)));
    Evaluator.Evaluation e =
        Evaluator.evaluate(rules, new Observation(now, byMetric, av, unobservable, windows), state);
    state = e.state();
    seen.addAll(e.transitions());
    return e.transitions();
  }

  private AlertInstance only() {
    assertThat(state.all()).hasSize(1);
    return state.all().get(0);
  }

  private static final String DEAD_WORKER =
      """
      rules:
        - alert: PipelineWorkerDown
          metric: 'fr_queue_consumers{queue=~"PipeLine_.*_data"}'
          op: "<"
          threshold: 1
          for: 1m
          severity: critical
          labels: {team: gpu}
          annotations:
            summary: "{{ $labels.queue }} has {{ $value }} consumers"
      """;

  @Test
  void pendingForItsForThenFiringThenResolvedOncePastThenForgotten() {
    rules(DEAD_WORKER);
    assertThat(at(0, queue("PipeLine_0_face_data", 1), queue("actions", 0))).isEmpty();

    List<Transition> t = at(10, queue("PipeLine_0_face_data", 0));
    assertThat(t)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.from()).isEqualTo("inactive");
              assertThat(x.to()).isEqualTo("pending");
            });
    AlertInstance pending = only();
    assertThat(pending.labels())
        .containsEntry("alertname", "PipelineWorkerDown")
        .containsEntry("severity", "critical")
        .containsEntry("team", "gpu")
        .containsEntry("queue", "PipeLine_0_face_data")
        .containsEntry("owner", "fr-server");
    assertThat(pending.annotations())
        .containsEntry("summary", "PipeLine_0_face_data has 0 consumers");

    assertThat(at(60, queue("PipeLine_0_face_data", 0))).as("59 s: still pending").isEmpty();
    assertThat(at(70, queue("PipeLine_0_face_data", 0)))
        .singleElement()
        .satisfies(x -> assertThat(x.from() + "→" + x.to()).isEqualTo("pending→firing"));
    assertThat(only().firedAt()).contains(T0.plusSeconds(70));
    assertThat(only().activeAt()).isEqualTo(T0.plusSeconds(10));

    assertThat(at(80, queue("PipeLine_0_face_data", 1)))
        .singleElement()
        .satisfies(x -> assertThat(x.from() + "→" + x.to()).isEqualTo("firing→resolved"));
    assertThat(only().resolvedAt()).contains(T0.plusSeconds(80));
    assertThat(at(80 + 14 * 60, queue("PipeLine_0_face_data", 1))).isEmpty();
    assertThat(state.all()).as("resolved instances stay listed for 15 minutes").hasSize(1);
    at(80 + 15 * 60, queue("PipeLine_0_face_data", 1));
    assertThat(state.all()).isEmpty();
  }

  @Test
  void aPendingInstanceThatStopsHoldingIsGoneWithoutFiring() {
    rules(DEAD_WORKER);
    at(0, queue("PipeLine_0_face_data", 0));
    assertThat(at(30, queue("PipeLine_0_face_data", 1)))
        .singleElement()
        .satisfies(x -> assertThat(x.from() + "→" + x.to()).isEqualTo("pending→inactive"));
    assertThat(state.all()).isEmpty();
  }

  @Test
  void oneInstancePerSeriesAndASeriesThatGoesAwayResolves() {
    rules(DEAD_WORKER.replace("for: 1m", "for: 0s"));
    at(0, queue("PipeLine_0_face_data", 0), queue("PipeLine_1_phone_data", 0));
    assertThat(state.all()).hasSize(2).allSatisfy(i -> assertThat(i.state()).isEqualTo("firing"));
    // the metric is read, PipeLine_1_phone_data is not listed any more: deleted
    at(5, queue("PipeLine_0_face_data", 0));
    assertThat(state.all())
        .extracting(i -> i.labels().get("queue") + "=" + i.state())
        .containsExactlyInAnyOrder("PipeLine_0_face_data=firing", "PipeLine_1_phone_data=resolved");
  }

  @Test
  void missingDataIsNoDataNeverResolvedAndDoesNotResetAPendingFor() {
    rules(DEAD_WORKER);
    at(0, queue("PipeLine_0_face_data", 0));
    availability.put("fr_queue_consumers", Availability.noData("collector rabbitmq_stats is down"));
    List<Transition> t = at(30);
    assertThat(t)
        .singleElement()
        .satisfies(x -> assertThat(x.from() + "→" + x.to()).isEqualTo("pending→no_data"));
    assertThat(only().noDataReason()).contains("collector rabbitmq_stats is down");
    assertThat(state.health().get("PipelineWorkerDown").status())
        .isEqualTo(RuleHealth.Status.NO_DATA);

    availability.remove("fr_queue_consumers");
    assertThat(at(65, queue("PipeLine_0_face_data", 0)))
        .as("the for started at 0 s, before the gap")
        .singleElement()
        .satisfies(x -> assertThat(x.from() + "→" + x.to()).isEqualTo("no_data→firing"));
  }

  @Test
  void aFiringAlertWithoutDataKeepsFiringForTheNotifiers() {
    rules(DEAD_WORKER.replace("for: 1m", "for: 0s"));
    at(0, queue("PipeLine_0_face_data", 0));
    availability.put("fr_queue_consumers", Availability.noData("stale"));
    at(10);
    assertThat(only().state()).isEqualTo("no_data");
    assertThat(only().firing()).as("not silently resolved").isTrue();
    at(20 * 60);
    assertThat(only().firing()).as("nor after 20 minutes").isTrue();
  }

  @Test
  void noDataOkResolvesAndNoDataAlertingFires() {
    rules(DEAD_WORKER.replace("for: 1m", "for: 0s") + "    no_data: ok\n");
    at(0, queue("PipeLine_0_face_data", 0));
    availability.put("fr_queue_consumers", Availability.noData("stale"));
    assertThat(at(10)).singleElement().satisfies(x -> assertThat(x.to()).isEqualTo("resolved"));

    state = AlertState.EMPTY;
    rules(DEAD_WORKER.replace("for: 1m", "for: 20s") + "    no_data: alerting\n");
    at(0);
    assertThat(only().state()).as("missing data is the alarm").isEqualTo("pending");
    at(25);
    assertThat(only().state()).isEqualTo("firing");
    assertThat(only().labels())
        .containsEntry("alertname", "PipelineWorkerDown")
        .doesNotContainKey("queue");
  }

  @Test
  void aMetricNoSourceCanSeeMakesTheRuleInactiveWithTheReason() {
    rules(DEAD_WORKER + "    no_data: alerting\n");
    availability.put(
        "fr_queue_consumers", Availability.notObservable("the management API is not there"));
    assertThat(at(0)).isEmpty();
    assertThat(state.all()).as("an unobservable metric does not alert").isEmpty();
    RuleHealth h = state.health().get("PipelineWorkerDown");
    assertThat(h.status()).isEqualTo(RuleHealth.Status.INACTIVE);
    assertThat(h.reason().orElseThrow())
        .isEqualTo("metric not observable: the management API is not there");
  }

  @Test
  void hysteresisFiresAboveTheThresholdAndClearsOnlyBelowTheClearOne() {
    rules(
        """
        rules:
          - alert: GpuBusy
            metric: fr_gpu_utilization_ratio
            op: ">"
            threshold: 0.90
            clear: 0.85
        """);
    at(0, gpu("0", 0.95));
    assertThat(only().state()).isEqualTo("firing");
    at(5, gpu("0", 0.88));
    assertThat(only().state()).as("between the two: still firing").isEqualTo("firing");
    at(10, gpu("0", 0.84));
    assertThat(only().state()).isEqualTo("resolved");
    at(15, gpu("0", 0.88));
    assertThat(only().state())
        .as("between the two, not firing: stays resolved")
        .isEqualTo("resolved");
    at(20, gpu("0", 0.91));
    assertThat(only().state()).isEqualTo("firing");
  }

  @Test
  void keepFiringForHoldsAFiringAlertAfterTheConditionEnds() {
    rules(
        """
        rules:
          - alert: GpuBusy
            metric: fr_gpu_utilization_ratio
            op: ">"
            threshold: 0.9
            keep_firing_for: 30s
        """);
    at(0, gpu("0", 0.95));
    at(10, gpu("0", 0.5));
    assertThat(only().state()).isEqualTo("firing");
    at(29, gpu("0", 0.5));
    assertThat(only().state()).isEqualTo("firing");
    at(30, gpu("0", 0.5));
    assertThat(only().state()).as("30 s after it last held, at 0 s").isEqualTo("resolved");
  }

  @Test
  void windowedReductionsReadTheRecentPast() {
    rules(
        """
        rules:
          - alert: GpuBusy
            metric: fr_gpu_utilization_ratio
            reduce: avg
            window: 1m
            op: ">"
            threshold: 0.8
        """);
    at(0, gpu("0", 1.0));
    assertThat(only().value().getAsDouble()).isEqualTo(1.0);
    at(30, gpu("0", 0.7));
    assertThat(only().value().getAsDouble()).isEqualTo(0.85);
    assertThat(only().state()).isEqualTo("firing");
    at(61, gpu("0", 1.0));
    assertThat(only().value().getAsDouble())
        .as("the value at 0 s is out of (1 s, 61 s]")
        .isEqualTo(0.85);
    at(90, gpu("0", 0.1));
    assertThat(only().state()).isEqualTo("resolved");
    assertThat(only().value().getAsDouble())
        .as("a resolved alert keeps its last value while active, as in Prometheus")
        .isEqualTo(0.85);
  }

  @Test
  void absentFiresWhenNoSeriesMatchedOverTheWindow() {
    rules(
        """
        rules:
          - alert: NoActionsQueue
            metric: 'fr_queue_consumers{queue="actions"}'
            reduce: absent
            window: 1m
        """);
    at(0, queue("actions", 1));
    assertThat(state.all()).isEmpty();
    at(30, queue("clients_data", 1));
    assertThat(state.all()).as("seen 30 s ago").isEmpty();
    at(61, queue("clients_data", 1));
    assertThat(only().state()).isEqualTo("firing");
    assertThat(only().labels()).containsEntry("queue", "actions");
  }

  @Test
  void tooFewValuesInTheWindowIsNoVerdict() {
    rules(
        """
        rules:
          - alert: Redeliveries
            metric: 'fr_queue_redelivered_total{queue="actions"}'
            reduce: increase
            window: 2m
            op: ">"
            threshold: 0
        """);
    Series r0 =
        new Series(
            "fr_queue_redelivered_total", Map.of("queue", "actions", "owner", "fr-server"), 0);
    Series r5 =
        new Series(
            "fr_queue_redelivered_total", Map.of("queue", "actions", "owner", "fr-server"), 5);
    at(0, r0);
    assertThat(state.all()).as("one value: no increase yet").isEmpty();
    at(10, r5);
    assertThat(only().state()).isEqualTo("firing");
    assertThat(only().value().getAsDouble())
        .as("a counter from 0 is not extrapolated before its first value")
        .isEqualTo(5.0);
  }

  private static final String RESULTS_STALLED =
      """
      rules:
        - alert: Stalled
          metric: 'fr_queue_published_total{queue=~".*_pipeline_results"}'
          reduce: increase
          window: 1m
          op: "=="
          threshold: 0
          and: {metric: fr_frames_total, reduce: increase, window: 1m, op: ">", threshold: 0}
      """;

  private static Series published(String queue, double total) {
    return new Series(
        "fr_queue_published_total", Map.of("queue", queue, "owner", "fr-server"), total);
  }

  private static Series frames(String pipeline, double total) {
    return new Series("fr_frames_total", Map.of("pipeline_id", pipeline), total);
  }

  @Test
  void aGuardLetsAlertsHoldOnlyWhileTheSumOfItsSeriesPasses() {
    rules(RESULTS_STALLED);
    at(
        0,
        published("face_pipeline_results", 10),
        published("phone_pipeline_results", 10),
        frames("0", 5),
        frames("1", 0));
    at(
        30,
        published("face_pipeline_results", 10),
        published("phone_pipeline_results", 12),
        frames("0", 5),
        frames("1", 0));
    assertThat(state.all()).as("no frame arrived either: nothing stalls").isEmpty();

    at(
        60,
        published("face_pipeline_results", 10),
        published("phone_pipeline_results", 14),
        frames("0", 5),
        frames("1", 3));
    assertThat(only().labels()).containsEntry("queue", "face_pipeline_results");
    assertThat(only().state()).isEqualTo("firing");

    at(
        90,
        published("face_pipeline_results", 10),
        published("phone_pipeline_results", 16),
        frames("0", 5),
        frames("1", 4));
    assertThat(only().state()).isEqualTo("firing");
    // frames stop: over (60 s, 120 s] the frames' sum increases by 0
    at(
        120,
        published("face_pipeline_results", 10),
        published("phone_pipeline_results", 18),
        frames("0", 5),
        frames("1", 4));
    assertThat(only().state()).as("the guard fails: resolved").isEqualTo("resolved");

    availability.put("fr_frames_total", Availability.noData("collector frame_tap is down"));
    at(140, published("face_pipeline_results", 10));
    assertThat(state.health().get("Stalled").status())
        .as("a guard without data leaves the rule without data")
        .isEqualTo(RuleHealth.Status.NO_DATA);
  }

  private static Series results(String pipeline, String outcome, double total) {
    return new Series(
        "fr_pipeline_results_total", Map.of("pipeline", pipeline, "outcome", outcome), total);
  }

  @Test
  void aRatioOfSumsHasOneInstancePerGroup() {
    rules(
        """
        rules:
          - alert: ErrorRatio
            metric: 'fr_pipeline_results_total{outcome="processing_error"}'
            reduce: increase
            window: 1m
            by: [pipeline]
            divide_by: fr_pipeline_results_total
            op: ">"
            threshold: 0.05
            annotations: {summary: "{{ $labels.pipeline }} {{ $value | humanizePercentage }}"}
        """);
    at(
        0,
        results("face", "pass", 100),
        results("face", "processing_error", 10),
        results("phone", "pass", 100),
        results("phone", "processing_error", 10),
        results("phone", "no_face", 0));
    at(
        30,
        results("face", "pass", 190),
        results("face", "processing_error", 20),
        results("phone", "pass", 195),
        results("phone", "processing_error", 11),
        results("phone", "no_face", 4));
    // face: 10 errors of 100 results; phone: 1 of 100
    AlertInstance face = only();
    assertThat(face.labels())
        .containsOnlyKeys("alertname", "severity", "pipeline")
        .containsEntry("pipeline", "face");
    assertThat(face.value().getAsDouble())
        .isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(face.annotations()).containsEntry("summary", "face 10%");
  }

  private static Series bucket(String pipeline, String stage, String le, double count) {
    return new Series(
        "fr_pipeline_latency_seconds_bucket",
        Map.of("pipeline", pipeline, "stage", stage, "le", le),
        count);
  }

  private static Series[] buckets(String pipeline, String stage, double... counts) {
    String[] les = {"0.5", "1.0", "2.5", "+Inf"};
    Series[] out = new Series[les.length];
    for (int i = 0; i < les.length; i++) {
      out[i] = bucket(pipeline, stage, les[i], counts[i]);
    }
    return out;
  }

  private static final String LATENCY =
      """
      rules:
        - alert: LatencyHigh
          metric: 'fr_pipeline_latency_seconds_bucket{stage="ingest_to_result"}'
          reduce: increase
          window: 1m
          by: [pipeline]
          quantile: 0.9
          op: ">"
          threshold: 2
      """;

  @Test
  void aQuantileOfBucketsSummedByGroup() {
    rules(LATENCY);
    List<Series> t0 = new ArrayList<>(List.of(buckets("face", "ingest_to_result", 0, 0, 0, 0)));
    t0.addAll(List.of(buckets("routing", "ingest_to_routing", 0, 0, 0, 0)));
    at(0, t0.toArray(Series[]::new));
    List<Series> t30 =
        new ArrayList<>(List.of(buckets("face", "ingest_to_result", 10, 20, 80, 100)));
    t30.addAll(List.of(buckets("routing", "ingest_to_routing", 0, 0, 0, 100)));
    at(30, t30.toArray(Series[]::new));
    // rank 90 of 100 lies in the +Inf bucket's predecessor's successor: the highest finite bound
    AlertInstance face = only();
    assertThat(face.labels()).containsEntry("pipeline", "face").doesNotContainKey("le");
    assertThat(face.value()).hasValue(2.5);
  }

  @Test
  void seriesOfASignalNoSourceSeesMakeTheRuleInactive() {
    rules(LATENCY);
    unobservable.put(
        "fr_pipeline_latency_seconds_bucket",
        List.of(
            new Observation.Unobservable(
                "stage",
                "ingest_to_result",
                Availability.notObservable("results are not seen one by one"))));
    at(0, buckets("routing", "ingest_to_routing", 0, 0, 0, 1));
    RuleHealth h = state.health().get("LatencyHigh");
    assertThat(h.status()).isEqualTo(RuleHealth.Status.INACTIVE);
    assertThat(h.reason()).contains("metric not observable: results are not seen one by one");
  }
}
