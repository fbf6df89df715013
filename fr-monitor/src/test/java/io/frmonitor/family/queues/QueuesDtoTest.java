package io.frmonitor.family.queues;

import static io.frmonitor.family.Snapshots.queue;
import static io.frmonitor.family.Snapshots.queues;
import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import org.junit.jupiter.api.Test;

class QueuesDtoTest {
  private final MetricRegistry registry = Registries.forApiTests(new ManualClock());

  @Test
  void ownQueuesComeLastMarkedAndOutOfTheTotal() {
    registry.publish(
        QueuesSnapshot.FAMILY,
        queues(
            true,
            queue("monitoring.tap.frames.x", 500, 1, 900, 400, 25),
            queue("clients_data", 10, 1, 1000, 990, 25),
            queue("actions", 2, 1, 60, 58, 15)));
    QueuesDto b = QueuesDto.of(registry.latest(QueuesSnapshot.FAMILY));
    assertThat(b.queues())
        .extracting(QueuesDto.Queue::name, QueuesDto.Queue::own)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("clients_data", false),
            org.assertj.core.groups.Tuple.tuple("actions", false),
            org.assertj.core.groups.Tuple.tuple("monitoring.tap.frames.x", true));
    assertThat(b.totalDepth()).isEqualTo(12);
    assertThat(b.tracing()).isTrue();
    assertThat(b.queues().get(0).publishedTotal()).isEqualTo(1000);
    assertThat(b.queues().get(0).ackedTotal()).isEqualTo(990);
    assertThat(b.queues().get(0).redeliveredTotal()).isZero();
  }
}
