package io.frmonitor.state.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.Event;
import io.frmonitor.model.Provenance;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.registry.TimeSeriesRing;
import io.frmonitor.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Restoring from streams in memory into a fresh registry. */
class RedisStreamRestoreTest {
  private static final Instant T0 = Instant.parse("2026-11-29T19:00:00Z");
  private static final String HISTORY = "fr-monitor:s1:history";
  private static final String EVENTS = "fr-monitor:s1:events";

  private final ManualClock clock = new ManualClock(T0);
  private final FakeStore store = new FakeStore();

  private MetricRegistry restore() {
    MetricRegistry registry = Readings.registry(clock);
    new RedisStreamRestore(store, HISTORY, EVENTS, clock).restoreInto(registry);
    return registry;
  }

  private void history(String family, long t, Map<String, Double> points) {
    store.put(HISTORY, StreamCodec.history(family, t, points));
  }

  private static List<Double> values(MetricRegistry r, String series) {
    TimeSeriesRing.SeriesPoints p = r.series(series).orElseThrow().since(Long.MIN_VALUE);
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < p.size(); i++) {
      out.add(p.value(i));
    }
    return out;
  }

  @Test
  void putsBackEachSeriesAgedToTheWindowAndTheEventsOldestFirst() {
    long t0 = T0.toEpochMilli();
    for (int i = 0; i < 300; i++) { // every 15 s for 75 minutes
      long t = t0 + i * 15_000L;
      history("system", t, Map.of("system.cpu_percent", (double) i));
      history("queues", t, Map.of("queues.a.depth", 2.0 * i, "queues.b.depth", 1.0));
    }
    Event first = new Event(Instant.ofEpochMilli(t0), "collector_status", Map.of("c", "redis"));
    Event second = new Event(Instant.ofEpochMilli(t0 + 1), "client_state_change", Map.of("t", "x"));
    store.put(EVENTS, StreamCodec.event(first));
    store.put(EVENTS, StreamCodec.event(second));
    long newest = t0 + 299 * 15_000L;
    clock.advance(Duration.ofSeconds(299 * 15 + 120)); // restarted two minutes later

    MetricRegistry r = restore();

    assertThat(r.seriesCount()).isEqualTo(3);
    List<Double> cpu = values(r, "system.cpu_percent");
    assertThat(cpu).hasSize(233); // the hour back from now: i >= 67
    assertThat(cpu.get(0)).isEqualTo(67.0);
    assertThat(cpu.get(cpu.size() - 1)).isEqualTo(299.0);
    assertThat(values(r, "queues.a.depth").get(0)).isEqualTo(134.0);
    assertThat(r.events().newest(10, null)).containsExactly(second, first);
    assertThat(r.provenance())
        .hasValue(
            new Provenance(
                "redis stream " + HISTORY + " at fake:6379/0",
                clock.instant(),
                Instant.ofEpochMilli(newest)));
    assertThat(store.closes()).isEqualTo(1);
  }

  @Test
  void malformedEntriesAreSkippedAndTheOthersRestored() {
    long t = clock.millis();
    history("system", t - 10_000, Map.of("system.cpu_percent", 1.0));
    store.put(HISTORY, Map.of("f", "system", "t", "yesterday", "system.cpu_percent", "2"));
    store.put(HISTORY, Map.of("something", "else"));
    store.put(HISTORY, Map.of("f", "system", "t", Long.toString(t - 5000), "system.cpu", "x"));
    history("system", t - 5_000, Map.of("system.cpu_percent", 3.0));
    store.put(EVENTS, Map.of("k", "no time"));
    store.put(EVENTS, StreamCodec.event(new Event(clock.instant(), "ok", Map.of())));

    MetricRegistry r = restore();

    assertThat(values(r, "system.cpu_percent")).containsExactly(1.0, 3.0);
    assertThat(r.events().newest(10, null)).extracting(Event::kind).containsExactly("ok");
  }

  @Test
  void anEntryWrittenTwiceAfterALostConnectionIsRestoredOnce() {
    long t = clock.millis() - 5000;
    Event e = new Event(Instant.ofEpochMilli(t), "x", Map.of());
    for (int i = 0; i < 2; i++) {
      history("system", t, Map.of("system.cpu_percent", 1.0));
      store.put(EVENTS, StreamCodec.event(e));
    }
    MetricRegistry r = restore();
    assertThat(values(r, "system.cpu_percent")).containsExactly(1.0);
    assertThat(r.events().size()).isEqualTo(1);
  }

  @Test
  void readsInBatchesUntilTheEnd() {
    long t0 = clock.millis() - 3_000_000;
    int n = RedisStreamRestore.BATCH * 3 + 7;
    for (int i = 0; i < n; i++) {
      history("system", t0 + i * 1000L, Map.of("system.cpu_percent", (double) i));
    }
    assertThat(values(restore(), "system.cpu_percent")).hasSize(n);
  }

  @Test
  void emptyOrMissingStreamsRestoreNothingAndSaySoNowhere() {
    MetricRegistry r = restore();
    assertThat(r.seriesCount()).isZero();
    assertThat(r.provenance()).isEmpty();
  }

  @Test
  void redisDownIsAFreshStartNeverAnException() {
    history("system", clock.millis(), Map.of("system.cpu_percent", 1.0));
    store.down(true);
    MetricRegistry r = restore();
    assertThat(r.seriesCount()).isZero();
    assertThat(r.provenance()).isEmpty();
    assertThat(store.closes()).isEqualTo(1);
  }

  @Test
  void onlyEventsStillSayWhereTheyCameFrom() {
    Event e = new Event(clock.instant().minusSeconds(30), "x", Map.of());
    store.put(EVENTS, StreamCodec.event(e));
    MetricRegistry r = restore();
    assertThat(r.provenance().orElseThrow().upTo()).isEqualTo(e.time());
  }
}
