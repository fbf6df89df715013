package io.frmonitor.family.pipelines;

import static io.frmonitor.family.Snapshots.frames;
import static io.frmonitor.family.Snapshots.queue;
import static io.frmonitor.family.Snapshots.queues;
import static io.frmonitor.family.Snapshots.results;
import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pipelines body from each tier of sources: what is known is shown, the rest is null. */
class PipelinesDtoTest {
  private final ManualClock clock = new ManualClock();
  private final MetricRegistry registry = Registries.forApiTests(clock);

  private PipelinesDto body() {
    return PipelinesDto.of(registry, PipelinesSnapshot.LATENCY_WINDOW);
  }

  /** 1,000 frames accepted, 990 taken, 980 into face queues, one worker's phone half dead. */
  private static QueueStats[] todaysQueues() {
    return new QueueStats[] {
      queue("clients_data", 10, 1, 1000, 990, 25),
      queue("PipeLine_0_face_data", 0, 1, 500, 500, 12.5),
      queue("PipeLine_0_phone_data", 0, 1, 500, 500, 12.5),
      queue("PipeLine_1_face_data", 3, 1, 480, 477, 12),
      queue("PipeLine_1_phone_data", 40, 0, 480, 440, 12),
      queue("face_pipeline_results", 0, 1, 977, 977, 24.5),
      queue("phone_pipeline_results", 0, 1, 940, 940, 23.5),
      queue("monitoring.tap.frames.x", 0, 1, 980, 980, 25)
    };
  }

  @Test
  void withTodaysProducersTheBrokersCountsAreShownAndVerdictsAreNull() {
    registry.publish(PipelinesSnapshot.FAMILY, frames(980));
    registry.publish(QueuesSnapshot.FAMILY, queues(false, todaysQueues()));
    registry.publish(ResultsSnapshot.FAMILY, results(0, 0));

    PipelinesDto b = body();
    assertThat(b.sources())
        .containsEntry("frames", "frame_tap")
        .containsEntry("results", "queue_counters")
        .containsEntry("outcomes", null)
        .containsEntry("result_latency", null);
    assertThat(b.unobservable()).containsOnlyKeys("outcomes", "success_ratio", "result_latency");
    assertThat(b.framesAcceptedTotal()).isEqualTo(1000);
    assertThat(b.framesAcceptedPerSec()).isEqualTo(25.0);
    assertThat(b.framesWaiting()).isEqualTo(10);
    assertThat(b.framesUnroutedTotal()).as("990 taken, 980 put in face queues").isEqualTo(10);
    assertThat(b.framesUnroutedMargin()).as("5 s of 25 frames/s").isEqualTo(125);
    assertThat(b.framesTotal()).isEqualTo(980);
    assertThat(b.pipelines())
        .extracting(
            PipelineResults.Result::id,
            PipelineResults.Result::source,
            PipelineResults.Result::resultsTotal)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("face", "queue_counters", 977L),
            org.assertj.core.groups.Tuple.tuple("phone", "queue_counters", 940L));
    PipelineResults.Result face = b.pipelines().get(0);
    assertThat(face.resultsPerSec()).isEqualTo(24.5);
    assertThat(face.outcomes()).isNull();
    assertThat(face.successRatio()).isNull();
    assertThat(face.successTotal()).isNull();
    assertThat(face.latencyMs()).isNull();
    assertThat(b.workers())
        .extracting(PipelineWorkers.Worker::pipelineId, PipelineWorkers.Worker::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, "up"),
            org.assertj.core.groups.Tuple.tuple(1, "down"));
    assertThat(b.workers().get(1).phoneConsumers()).isZero();
    assertThat(b.workers().get(1).phoneDepth()).isEqualTo(40);
    assertThat(b.routing().get(0).clients()).isEqualTo(5);
  }

  @Test
  void withTheFirehoseEveryResultIsCountedWithItsVerdict() {
    registry.publish(PipelinesSnapshot.FAMILY, frames(980));
    registry.publish(QueuesSnapshot.FAMILY, queues(true, todaysQueues()));
    registry.publish(ResultsSnapshot.FAMILY, results(977, 0));
    registry.publish(DecisionsSnapshot.FAMILY, io.frmonitor.family.Snapshots.decisions(true));

    PipelinesDto b = body();
    assertThat(b.sources()).containsEntry("outcomes", "firehose");
    assertThat(b.unobservable()).isEmpty();
    PipelineResults.Result face = b.pipelines().get(0);
    assertThat(face.source()).isEqualTo("firehose");
    assertThat(face.resultsTotal()).isEqualTo(977);
    assertThat(face.outcomes()).containsEntry("processing_error", 1L);
    assertThat(face.successRatio()).isEqualTo(976.0 / 977);
  }

  @Test
  void withoutTheManagementApiNothingIsDerivedFromIt() {
    registry.publish(PipelinesSnapshot.FAMILY, frames(980));
    registry.publish(
        QueuesSnapshot.FAMILY,
        new QueuesSnapshot("amqp_passive", false, 1, List.of(todaysQueues()[0])));

    PipelinesDto b = body();
    assertThat(b.framesAcceptedTotal()).isNull();
    assertThat(b.framesUnroutedTotal()).isNull();
    assertThat(b.pipelines()).isEmpty();
    assertThat(b.sources()).containsEntry("results", null);
    assertThat(b.unobservable().get("results")).contains("management API");
  }

  @Test
  void aTruncatedQueueListLeavesTheUnroutedCountUnknown() {
    registry.publish(
        QueuesSnapshot.FAMILY,
        new QueuesSnapshot(
            QueuesSnapshot.MANAGEMENT_API, true, 40, List.of(todaysQueues()), Optional.of(false)));
    assertThat(body().framesUnroutedTotal()).isNull();
    assertThat(body().framesAcceptedTotal()).isEqualTo(1000);
  }

  @Test
  void beforeAnyReadingEverythingIsUnknown() {
    PipelinesDto b = body();
    assertThat(b.stale()).isTrue();
    assertThat(b.framesTotal()).isNull();
    assertThat(b.framesAcceptedTotal()).isNull();
    assertThat(b.sources()).containsValue(null).doesNotContainValue("frame_tap");

    registry.publish(PipelinesSnapshot.FAMILY, frames(5));
    clock.advance(Duration.ofMinutes(1));
    assertThat(body().stale()).isTrue();
    assertThat(body().sources()).containsEntry("routing", null);
  }

  @Test
  void aFirehoseThatDropsGivesTheVerdictsAndTheBrokerTheCounts() {
    QueueStats[] queues = java.util.Arrays.copyOf(todaysQueues(), todaysQueues().length + 1);
    queues[queues.length - 1] = queue("monitoring.tap.firehose.x", 0, 1, 5000, 4000, 100);
    registry.publish(PipelinesSnapshot.FAMILY, frames(980));
    registry.publish(QueuesSnapshot.FAMILY, queues(true, queues));
    registry.publish(ResultsSnapshot.FAMILY, results(500, 0));
    registry.publish(DecisionsSnapshot.FAMILY, io.frmonitor.family.Snapshots.decisions(true));

    PipelinesDto b = body();
    assertThat(b.sources())
        .containsEntry("results", "queue_counters")
        .containsEntry("outcomes", "firehose");
    assertThat(b.caveats()).containsKey("outcomes");
    assertThat(b.caveats().get("outcomes")).contains("dropped 1000");
    PipelineResults.Result face = b.pipelines().get(0);
    assertThat(face.source()).isEqualTo("queue_counters");
    assertThat(face.resultsTotal()).as("the broker's count, not the copies taken").isEqualTo(977);
    assertThat(face.outcomes()).as("the verdicts of the copies taken").containsEntry("pass", 499L);
  }
}
