package io.frmonitor.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.frmonitor.model.Health;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.schedule.ExecutorTaskScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime on real threads: readiness and shutdown. */
class CollectorRuntimeTest {
  @Test
  void becomesReadyWhenEveryPollerHasTriedOnceAndClosesThemAll() throws Exception {
    MetricRegistry registry =
        new MetricRegistry(
            Clock.systemUTC(), Duration.ofMinutes(1), 60, 100, 100, Duration.ofSeconds(10));
    ScriptedPoller working = new ScriptedPoller("working").publishes("x");
    ScriptedPoller absent = new ScriptedPoller("absent").unavailable("not here");
    try (ExecutorTaskScheduler scheduler = new ExecutorTaskScheduler()) {
      CollectorRuntime runtime =
          new CollectorRuntime(
              List.of(working, absent),
              registry,
              scheduler,
              RetryPolicy.forInterval(Duration.ofSeconds(30)),
              Duration.ofSeconds(5),
              () -> 0.5,
              CollectorRuntime::threadPerPoller);
      runtime.start();
      assertThat(runtime.awaitReady(Duration.ofSeconds(10))).isTrue();
      assertThat(runtime.isReady()).isTrue();
      await().until(() -> working.polls() == 1);
      runtime.close();
      assertThat(working.closed).isTrue();
      assertThat(absent.closed).isTrue();
    }
    assertThat(registry.statuses().values())
        .extracting(s -> s.health())
        .containsOnly(Health.OK, Health.DISABLED);
  }
}
