package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.QueueCounters;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.registry.Baselines;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The broker's raw counters turned into counts since fr-monitor started watching. */
class QueueCounterTrackerTest {
  private final Baselines baselines = new Baselines();
  private QueueCounterTracker tracker = new QueueCounterTracker();

  /** A queue as the API lists it, with its raw publish count (null: not reported). */
  private static QueueStats queue(String name, Long published) {
    OptionalLong p = published == null ? OptionalLong.empty() : OptionalLong.of(published);
    return new QueueStats(
            name,
            0,
            OptionalLong.of(0),
            OptionalLong.of(0),
            1,
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty())
        .withCounters(new QueueCounters(p, p, p, OptionalLong.empty()));
  }

  private QueuesSnapshot read(QueueStats... queues) {
    return tracker.track(
        new QueuesSnapshot("management_api", false, 0, Arrays.asList(queues)), baselines);
  }

  private static long published(QueuesSnapshot s, String name) {
    return s.queue(name).orElseThrow().counters().published().orElseThrow();
  }

  @Test
  void whatWentThroughBeforeTheFirstReadingIsNotCounted() {
    assertThat(published(read(queue("actions", 1000L)), "actions")).isZero();
    assertThat(published(read(queue("actions", 1250L)), "actions")).isEqualTo(250);
  }

  @Test
  void aQueueThatAppearsLaterCountsFromItsCreation() {
    read(queue("actions", 1000L));
    QueuesSnapshot s = read(queue("actions", 1000L), queue("PipeLine_4_face_data", 40L));
    assertThat(published(s, "PipeLine_4_face_data")).isEqualTo(40);
  }

  @Test
  void aCountThatGoesDownWasResetAndCountsOnFromThere() {
    read(queue("actions", 1000L));
    read(queue("actions", 1100L));
    // the broker restarted (or the queue was re-created) and has counted 30 since
    assertThat(published(read(queue("actions", 30L)), "actions")).isEqualTo(130);
    assertThat(published(read(queue("actions", 50L)), "actions")).isEqualTo(150);
  }

  @Test
  void aListedQueueWithoutSuchTrafficCountsZeroAndKeepsWhatItHad() {
    assertThat(published(read(queue("saved_actions", null)), "saved_actions")).isZero();
    assertThat(published(read(queue("saved_actions", 7L)), "saved_actions")).isEqualTo(7);
    // the statistics of a re-created queue have no publish count until it has traffic again
    assertThat(published(read(queue("saved_actions", null)), "saved_actions")).isEqualTo(7);
    assertThat(published(read(queue("saved_actions", 2L)), "saved_actions")).isEqualTo(9);
  }

  @Test
  void theSnapshotKeepsEverythingElse() {
    QueuesSnapshot raw =
        new QueuesSnapshot(
                "management_api",
                true,
                12,
                List.of(queue("actions", 5L)),
                java.util.Optional.empty())
            .withTracing(java.util.Optional.of(true));
    QueuesSnapshot s = tracker.track(raw, baselines);
    assertThat(s.truncated()).isTrue();
    assertThat(s.matched()).isEqualTo(12);
    assertThat(s.tracing()).contains(true);
    assertThat(s.queue("actions").orElseThrow().counters().redelivered()).hasValue(0);
  }

  @Test
  void aRestartGoesOnCountingFromTheBaselinesTheStateKept() {
    read(queue("actions", 1000L), queue("clients_data", 10L));
    read(queue("actions", 1250L), queue("clients_data", 30L));
    // fr-monitor restarts with the baselines it wrote; the broker went on counting meanwhile, and
    // clients_data was re-created (its count went down)
    Baselines kept = new Baselines();
    kept.restore(baselines.all());
    tracker = new QueueCounterTracker();
    QueuesSnapshot s =
        tracker.track(
            new QueuesSnapshot(
                "management_api",
                false,
                0,
                List.of(queue("actions", 1400L), queue("clients_data", 5L), queue("new", 3L))),
            kept);
    assertThat(published(s, "actions")).as("250 before, 150 while it was down").isEqualTo(400);
    assertThat(published(s, "clients_data")).isEqualTo(25);
    assertThat(published(s, "new")).as("no baseline, not the first reading of it either").isZero();
    assertThat(kept.get("queue_counters")).containsOnlyKeys("actions", "clients_data", "new");
  }
}
