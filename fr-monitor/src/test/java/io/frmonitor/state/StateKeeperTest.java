package io.frmonitor.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.alert.Rules;
import io.frmonitor.alert.engine.AlertEngine;
import io.frmonitor.alert.engine.AlertHistory;
import io.frmonitor.alert.engine.Silences;
import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.alert.rule.LabelMatcher;
import io.frmonitor.app.Families;
import io.frmonitor.config.StateSettings;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.ComponentStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Health;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.registry.TimeSeriesRing;
import io.frmonitor.testing.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart, with a manual clock: one process writes, the next restores. */
class StateKeeperTest {
  private static final Instant T0 = Instant.parse("2026-11-29T19:00:00Z");
  private static final String RULES =
      """
      rules:
        - alert: XDown
          metric: 'fr_collector_up{collector="x"}'
          op: "=="
          threshold: 0
          for: 10m
      """;

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);

  /** One run of the service: its registry, alert engine and state keeper. */
  private final class Run implements AutoCloseable {
    final MetricRegistry registry =
        new MetricRegistry(
            clock,
            Duration.ofHours(1),
            720,
            10_000,
            100,
            Duration.ofMinutes(1),
            Duration.ofHours(24));
    final List<Runnable> queued = new ArrayList<>();
    final AlertEngine alerts =
        new AlertEngine(
            Rules.of(RULES),
            Families.CATALOG,
            registry,
            List.of(),
            new Silences(),
            new AlertHistory(100),
            queued::add);
    final StateKeeper keeper;

    Run(Path stateDir) {
      this(stateDir, StateFallback.NONE);
    }

    Run(Path stateDir, StateFallback fallback) {
      registry.addListener(alerts);
      keeper =
          StateKeeper.of(
                  new StateSettings(Optional.of(stateDir), Duration.ofMinutes(1)),
                  registry,
                  alerts,
                  clock,
                  fallback)
              .orElseThrow();
      keeper.restore();
      drain();
    }

    void drain() {
      while (!queued.isEmpty()) {
        queued.remove(0).run();
      }
    }

    ComponentStatus state() {
      return registry.components().get("state");
    }

    @Override
    public void close() {
      keeper.close();
    }
  }

  @Test
  void historyEventsAndAlertStatesSurviveARestartAgedWithTheGapLeftEmpty() {
    Instant pendingSince;
    String silenceId;
    try (Run first = new Run(dir)) {
      for (int i = 0; i < 30; i++) {
        // one point every 5 s for 150 s: the oldest are more than the hour old at restore time
        first.registry.restoreSeries(
            "system.cpu_percent", new long[] {clock.millis()}, new double[] {i});
        clock.advance(Duration.ofSeconds(5));
      }
      first.registry.appendEvent(new Event(clock.instant(), "client", Map.of("name", "alice")));
      first.registry.baselines().put("queue_counters", Map.of("actions", new long[] {1250, 250}));
      first.registry.updateStatus(
          new CollectorStatus(
              "x",
              List.of("system"),
              Health.DOWN,
              Optional.empty(),
              Optional.of("refused"),
              1,
              Optional.empty(),
              false,
              1,
              0,
              Duration.ZERO,
              Duration.ZERO));
      first.drain();
      AlertInstance pending = first.alerts.instances().get(0);
      assertThat(pending.state()).isEqualTo("pending");
      pendingSince = pending.activeAt();
      silenceId =
          first
              .alerts
              .silences()
              .add(
                  List.of(LabelMatcher.of("alertname", LabelMatcher.Op.EQ, "XDown")),
                  Optional.empty(),
                  clock.instant().plus(Duration.ofHours(2)),
                  "ops",
                  "maintenance",
                  clock.instant())
              .id();
    }
    Instant written = clock.instant();
    // down for 58 minutes: at 1 h 30 s, the first 30 s of points are out of the window
    clock.advance(Duration.ofMinutes(58));
    try (Run second = new Run(dir)) {
      TimeSeriesRing cpu = second.registry.series("system.cpu_percent").orElseThrow();
      TimeSeriesRing.SeriesPoints p = cpu.since(Long.MIN_VALUE);
      assertThat(p.size())
          .as("150 s of points, less the 30 s now older than an hour")
          .isEqualTo(24);
      assertThat(p.time(0)).isGreaterThanOrEqualTo(clock.millis() - Duration.ofHours(1).toMillis());
      assertThat(p.value(p.size() - 1)).isEqualTo(29);
      assertThat(cpu.lastTime())
          .as("nothing made up for the time it was down")
          .contains(written.toEpochMilli() - 5_000);
      assertThat(second.registry.provenance())
          .hasValueSatisfying(
              v -> {
                assertThat(v.upTo()).isEqualTo(written);
                assertThat(v.restoredAt()).isEqualTo(clock.instant());
                assertThat(v.source()).isEqualTo(dir.resolve("state.bin").toString());
              });
      assertThat(second.registry.events().newest(10, "client"))
          .extracting(e -> e.fields().get("name"))
          .containsExactly("alice");
      assertThat(second.alerts.instances())
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.state()).isEqualTo("pending");
                assertThat(i.activeAt())
                    .as("the for goes on from its start")
                    .isEqualTo(pendingSince);
              });
      assertThat(second.alerts.silences().get(silenceId)).isPresent();
      assertThat(second.registry.baselines().get("queue_counters").get("actions"))
          .containsExactly(1250, 250);
      assertThat(second.alerts.history().lastId()).isEqualTo(1);
      assertThat(second.state().health()).isEqualTo(Health.OK);
    }
  }

  @Test
  void theOneMinuteTrendsSurviveARestartOfMoreThanTheFullHistory() {
    try (Run first = new Run(dir)) {
      Families.CATALOG.defineSeries(first.registry);
      for (int i = 0; i < 6; i++) {
        first.registry.publish(
            io.frmonitor.model.HostSnapshot.FAMILY, io.frmonitor.testing.HostSnapshots.withCpu(i));
        clock.advance(Duration.ofSeconds(30));
      }
    }
    clock.advance(Duration.ofHours(3)); // past the full history: only the trend is left
    try (Run second = new Run(dir)) {
      assertThat(second.registry.series("system.cpu_percent")).isEmpty();
      var minutes = second.registry.trend("system.cpu_percent").orElseThrow().since(0);
      assertThat(minutes.size()).isEqualTo(3);
      assertThat(minutes.min(0)).isEqualTo(0);
      assertThat(minutes.avg(0)).isEqualTo(0.5f);
      assertThat(minutes.max(2)).isEqualTo(5);
    }
  }

  @Test
  void aCorruptFileIsKeptAsideAndTheServiceStartsAfresh() throws IOException {
    Files.write(dir.resolve("state.bin"), new byte[] {'F', 'R', 'M', 'S', 0, 1, 0});
    try (Run run = new Run(dir)) {
      assertThat(run.registry.provenance()).isEmpty();
      assertThat(run.state().health()).isEqualTo(Health.OK);
      try (var files = Files.list(dir)) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .anyMatch(n -> n.startsWith("state.bin.corrupt-"));
      }
      run.keeper.write();
      assertThat(dir.resolve("state.bin")).exists();
    }
  }

  @Test
  void aStateThatCannotBeWrittenIsDegradedUntilItCanBe() throws IOException {
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file where the directory goes");
    Path stateDir = blocker.resolve("state");
    try (Run run = new Run(stateDir)) {
      assertThat(run.state().health()).isEqualTo(Health.DEGRADED);
      assertThat(run.state().lastError())
          .hasValueSatisfying(e -> assertThat(e).startsWith("cannot open " + stateDir));
      run.keeper.write();
      assertThat(run.state().health()).as("tried again: still failing").isEqualTo(Health.DEGRADED);

      Files.delete(blocker);
      run.keeper.write();
      assertThat(run.state().health()).isEqualTo(Health.OK);
      assertThat(run.state().lastSuccess()).contains(clock.instant());
      assertThat(stateDir.resolve("state.bin")).exists();
    }
  }

  /** A fallback that counts its calls and restores one point. */
  private final class CountingFallback implements StateFallback {
    int calls;

    @Override
    public void restoreInto(MetricRegistry registry) {
      calls++;
      registry.restoreSeries("system.cpu_percent", new long[] {clock.millis()}, new double[] {7});
    }
  }

  @Test
  void withoutAStateFileTheFallbackIsAskedOnce() {
    CountingFallback fallback = new CountingFallback();
    try (Run run = new Run(dir, fallback)) {
      assertThat(fallback.calls).isEqualTo(1);
      assertThat(run.registry.series("system.cpu_percent")).isPresent();
      assertThat(run.state().health()).isEqualTo(Health.OK);
    }
  }

  @Test
  void aStateFileThatIsThereComesFirstAndTheFallbackIsNotAsked() {
    try (Run first = new Run(dir)) {
      first.registry.appendEvent(new Event(clock.instant(), "x", Map.of()));
    }
    CountingFallback fallback = new CountingFallback();
    try (Run second = new Run(dir, fallback)) {
      assertThat(fallback.calls).isZero();
      assertThat(second.registry.provenance().orElseThrow().source()).endsWith("state.bin");
    }
  }

  @Test
  void anUnreadableStateFileIsNotPaperedOverByTheFallback() throws IOException {
    Files.write(dir.resolve("state.bin"), new byte[] {'F', 'R', 'M', 'S', 0, 1, 0});
    CountingFallback fallback = new CountingFallback();
    try (Run run = new Run(dir, fallback)) {
      assertThat(fallback.calls).isZero();
      assertThat(run.registry.seriesCount()).isZero();
    }
  }

  @Test
  void aDirectoryThatCannotBeOpenedStillAsksTheFallbackWhenNoFileIsThere() throws IOException {
    Path blocker = Files.writeString(dir.resolve("blocker"), "a file where the directory goes");
    CountingFallback fallback = new CountingFallback();
    try (Run run = new Run(blocker.resolve("state"), fallback)) {
      assertThat(fallback.calls).isEqualTo(1);
      assertThat(run.state().health()).isEqualTo(Health.DEGRADED);
    }
  }
}
