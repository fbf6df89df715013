package io.frmonitor.family.decisions;

import static io.frmonitor.family.Snapshots.decisions;
import static io.frmonitor.family.Snapshots.queue;
import static io.frmonitor.family.Snapshots.queues;
import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.QueueCounters;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DecisionsDtoTest {
  private final ManualClock clock = new ManualClock();
  private final MetricRegistry registry = Registries.forApiTests(clock);

  private void publish(boolean traced) {
    registry.publish(
        QueuesSnapshot.FAMILY,
        queues(
            traced,
            queue("actions", 0, 1, 60, 60, 15)
                .withCounters(
                    new QueueCounters(
                        OptionalLong.of(60),
                        OptionalLong.of(75),
                        OptionalLong.of(60),
                        OptionalLong.of(15))),
            queue("saved_actions", 0, 1, 200, 200, 50)));
    registry.publish(DecisionsSnapshot.FAMILY, decisions(traced));
  }

  @Test
  void untracedTheCountsComeFromTheQueuesAndTheKindsAreUnknown() {
    publish(false);
    DecisionsDto b = DecisionsDto.of(registry);
    assertThat(b.sources())
        .containsEntry("actions", "queue_counters")
        .containsEntry("actions_by_kind", null);
    assertThat(b.unobservable()).containsOnlyKeys("actions_by_kind");
    assertThat(b.actionsTotal()).isEqualTo(60);
    assertThat(b.actionsPerSec()).isEqualTo(15.0);
    assertThat(b.savedActionsTotal()).isEqualTo(200);
    assertThat(b.decisions()).as("unknown, not an empty list").isNull();
    assertThat(b.actionsDeliveredTotal()).isEqualTo(75);
    assertThat(b.actionsRedeliveredTotal()).as("the requeue loop").isEqualTo(15);
    assertThat(b.stale()).isFalse();
  }

  @Test
  void tracedEveryDecisionIsCountedByKind() {
    publish(true);
    DecisionsDto b = DecisionsDto.of(registry);
    assertThat(b.sources()).containsEntry("actions_by_kind", "firehose");
    assertThat(b.unobservable()).isEmpty();
    assertThat(b.actionsTotal()).isEqualTo(10);
    assertThat(b.actionsPerSec()).isEqualTo(2.0);
    assertThat(b.savedActionsTotal()).isEqualTo(20);
    assertThat(b.decisions())
        .extracting(DecisionsDto.Decision::action)
        .containsExactly("no_action", "lock_screen");
    assertThat(b.actionsRedeliveredTotal()).isEqualTo(15);
  }

  @Test
  void withNoSourceEverythingIsUnknownAndStale() {
    DecisionsDto b = DecisionsDto.of(registry);
    assertThat(b.stale()).isTrue();
    assertThat(b.actionsTotal()).isNull();
    assertThat(b.savedActionsTotal()).isNull();
    assertThat(b.unobservable()).containsOnlyKeys("actions", "actions_by_kind", "saved_actions");
  }
}
