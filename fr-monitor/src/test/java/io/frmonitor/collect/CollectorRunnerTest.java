package io.frmonitor.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Health;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.ManualExecutor;
import io.frmonitor.testing.ManualScheduler;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectorRunnerTest {
  private static final Duration INTERVAL = Duration.ofSeconds(5);
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final ManualClock clock = new ManualClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final ManualExecutor executor = new ManualExecutor();
  private final AtomicBoolean attempted = new AtomicBoolean();
  private MetricRegistry registry;
  private ScriptedPoller poller;

  @BeforeEach
  void setUp() {
    registry =
        new MetricRegistry(clock, Duration.ofHours(1), 720, 100, 100, Duration.ofSeconds(18));
    poller = new ScriptedPoller();
  }

  private CollectorRunner runner() {
    return runner(() -> 0.5); // the middle of the jitter range: no jitter
  }

  private CollectorRunner runner(DoubleSupplier random) {
    return new CollectorRunner(
        poller,
        registry,
        scheduler,
        executor,
        new RetryPolicy(INTERVAL, Duration.ofSeconds(60), 5),
        TIMEOUT,
        random,
        () -> attempted.set(true));
  }

  /** Lets time pass and runs whatever the runner handed to its executor. */
  private void pass(Duration d) {
    scheduler.advance(d);
    executor.runAll();
  }

  private CollectorStatus status() {
    return registry.statuses().get("test");
  }

  @Test
  void everyPollAndAvailabilityCheckRunsTaggedWithTheCollectorsName() {
    List<String> seen = new java.util.ArrayList<>();
    poller.then(
        sink -> {
          seen.add("poll:" + CollectorLogTag.current());
          throw new IOException("refused");
        });
    runner().start();
    executor.runAll();
    pass(Duration.ZERO);

    assertThat(poller.checkedUnderTag).isEqualTo("test");
    assertThat(seen).containsExactly("poll:test");
    assertThat(status().health()).isEqualTo(Health.DOWN);
    assertThat(CollectorLogTag.current()).as("the tag is gone after the run").isNull();
  }

  @Test
  void aTagAlreadySetIsRestoredAfterATaggedRun() {
    CollectorLogTag.within(
        "outer",
        () -> {
          CollectorLogTag.within(
              "inner", () -> assertThat(CollectorLogTag.current()).isEqualTo("inner"));
          assertThat(CollectorLogTag.current()).isEqualTo("outer");
        });
    assertThat(CollectorLogTag.current()).isNull();
  }

  @Test
  void firstRunPublishesAndReportsOk() {
    poller.publishes("a");
    runner().start();
    assertThat(status().health()).isEqualTo(Health.PENDING);

    executor.runAll(); // availability check
    pass(Duration.ZERO); // first tick

    assertThat(attempted).isTrue();
    assertThat(status().health()).isEqualTo(Health.OK);
    assertThat(status().runs()).isEqualTo(1);
    assertThat(status().lastSuccess()).contains(clock.instant());
    assertThat(status().nextRun()).contains(clock.instant().plus(INTERVAL));
    assertThat(registry.latest(ScriptedPoller.FAMILY).orElseThrow().value()).isEqualTo("a");
    assertThat(status().families()).containsExactly("test");
  }

  @Test
  void runsAgainEveryInterval() {
    poller.publishes("a").publishes("b").publishes("c");
    runner().start();
    executor.runAll();
    pass(Duration.ZERO);
    pass(INTERVAL);
    pass(INTERVAL);

    assertThat(poller.polls()).isEqualTo(3);
    assertThat(registry.latest(ScriptedPoller.FAMILY).orElseThrow().value()).isEqualTo("c");
  }

  @Test
  void failureMarksDownAndValuesStaleNeverZero() {
    poller.publishes("good").fails(new IOException("connection refused"));
    runner().start();
    executor.runAll();
    pass(Duration.ZERO);
    pass(INTERVAL);

    assertThat(status().health()).isEqualTo(Health.DOWN);
    assertThat(status().consecutiveFailures()).isEqualTo(1);
    assertThat(status().lastError()).contains("IOException: connection refused");
    var latest = registry.latest(ScriptedPoller.FAMILY).orElseThrow();
    assertThat(latest.stale()).isTrue();
    assertThat(latest.value()).isEqualTo("good");
  }

  @Test
  void backsOffExponentiallyUpToTheCapAndOpensTheCircuit() {
    for (int i = 0; i < 8; i++) {
      poller.fails(new IOException("down"));
    }
    runner().start();
    executor.runAll();
    pass(Duration.ZERO);

    List<Duration> delays = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      Duration next = scheduler.nextDelay();
      delays.add(next);
      pass(next);
    }
    assertThat(delays)
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60));
    assertThat(status().consecutiveFailures()).isEqualTo(8);
    assertThat(status().circuitOpen()).isTrue();
  }

  @Test
  void recoversByItselfAndRecordsTheTransitions() {
    poller.publishes("a").fails(new IOException("gone")).publishes("b");
    runner().start();
    executor.runAll();
    pass(Duration.ZERO);
    pass(INTERVAL);
    pass(scheduler.nextDelay());

    assertThat(status().health()).isEqualTo(Health.OK);
    assertThat(status().consecutiveFailures()).isZero();
    assertThat(registry.latest(ScriptedPoller.FAMILY).orElseThrow().stale()).isFalse();
    assertThat(scheduler.nextDelay()).isEqualTo(INTERVAL);
    List<Event> events = registry.events().newest(10, "collector_status_change");
    assertThat(events).extracting(e -> e.fields().get("to")).containsExactly("ok", "down");
    assertThat(events.get(1).fields()).containsEntry("reason", "IOException: gone");
  }

  @Test
  void overlongRunTimesOutAndTheNextTickIsSkippedWhileItIsStillGoing() {
    poller.publishes("late").publishes("next");
    runner().start();
    executor.runAll();
    scheduler.runDue(); // tick: the run is handed over but does not start

    scheduler.advance(TIMEOUT); // the run overstays
    assertThat(status().health()).isEqualTo(Health.DOWN);
    assertThat(status().lastError()).contains("timed out after 3s");

    scheduler.advance(scheduler.nextDelay()); // next tick: the first run still holds the thread
    assertThat(status().skippedRuns()).isEqualTo(1);
    assertThat(poller.polls()).isZero();

    executor.runAll(); // the stuck run finally finishes: its late result is not counted
    assertThat(status().runs()).isEqualTo(1);
    pass(scheduler.nextDelay());
    assertThat(status().health()).isEqualTo(Health.OK);
    assertThat(registry.latest(ScriptedPoller.FAMILY).orElseThrow().value()).isEqualTo("next");
  }

  @Test
  void degradedOutcomeKeepsValuesFreshAndNamesTheReason() {
    poller.then(sink -> PollOutcome.degraded("field paused_clients undecodable"));
    runner().start();
    executor.runAll();
    pass(Duration.ZERO);

    assertThat(status().health()).isEqualTo(Health.DEGRADED);
    assertThat(status().lastError()).contains("field paused_clients undecodable");
    assertThat(status().consecutiveFailures()).isZero();
  }

  @Test
  void missingNativeLibraryIsContainedAsAFailure() {
    poller.then(
        sink -> {
          throw new UnsatisfiedLinkError("libnvidia-ml.so.1: cannot open shared object file");
        });
    runner().start();
    executor.runAll();
    pass(Duration.ZERO);

    assertThat(status().health()).isEqualTo(Health.DOWN);
    assertThat(status().lastError().orElseThrow()).contains("UnsatisfiedLinkError");
  }

  @Test
  void unavailableSourceIsDisabledAndNeverPolled() {
    poller.unavailable("NVML not found");
    runner().start();
    executor.runAll();
    pass(Duration.ofMinutes(5));

    assertThat(status().health()).isEqualTo(Health.DISABLED);
    assertThat(status().lastError()).contains("NVML not found");
    assertThat(poller.polls()).isZero();
    assertThat(attempted).isTrue();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void jitterSpreadsTheDelayByUpToTenPercent() {
    poller.publishes("a");
    runner(() -> 0.0).start();
    executor.runAll();
    pass(Duration.ZERO);

    assertThat(scheduler.nextDelay()).isEqualTo(Duration.ofMillis(4500));
  }

  @Test
  void closeStopsFurtherRuns() {
    poller.publishes("a").publishes("b");
    CollectorRunner runner = runner();
    runner.start();
    executor.runAll();
    pass(Duration.ZERO);
    runner.close();
    pass(INTERVAL.multipliedBy(3));

    assertThat(poller.polls()).isEqualTo(1);
  }
}
