package io.frmonitor.state.redis;

import static io.frmonitor.state.redis.Readings.NO_SERIES;
import static io.frmonitor.state.redis.Readings.QUEUES;
import static io.frmonitor.state.redis.Readings.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.ComponentStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Health;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.state.redis.Readings.Reading;
import io.frmonitor.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The mirror's writing, driven step by step ({@code writeOnce}) against streams in memory. */
class RedisStreamMirrorTest {
  private static final Instant T0 = Instant.parse("2026-11-29T19:00:00Z");
  private static final String HISTORY = "fr-monitor:s1:history";
  private static final String EVENTS = "fr-monitor:s1:events";

  private final ManualClock clock = new ManualClock(T0);
  private final MetricRegistry registry = Readings.registry(clock);
  private final FakeStore store = new FakeStore();

  private RedisStreamMirror mirror(int capacity) {
    RedisStreamMirror m =
        new RedisStreamMirror(
            store,
            registry,
            HISTORY,
            EVENTS,
            capacity,
            Duration.ofSeconds(1),
            Duration.ofSeconds(5));
    registry.addListener(m);
    return m;
  }

  private ComponentStatus component() {
    return registry.components().get("redis_stream");
  }

  @Test
  void eachCollectionIsOneEntryPerFamilyHoldingThatCollectionsPoints() {
    RedisStreamMirror m = mirror(100);
    registry.publish(SYSTEM, new Reading(Map.of("system.cpu_percent", 12.5, "system.load1", 2.0)));
    registry.publish(QUEUES, new Reading(Map.of("queues.actions.depth", 7.0)));
    clock.advance(Duration.ofSeconds(5));
    registry.publish(SYSTEM, new Reading(Map.of("system.cpu_percent", 13.0)));
    registry.publish(NO_SERIES, new Reading(Map.of()));
    assertThat(m.writeOnce()).isTrue();

    long t0 = T0.toEpochMilli();
    assertThat(store.entries(HISTORY))
        .containsExactly(
            Map.of(
                "f", "system",
                "t", Long.toString(t0),
                "system.cpu_percent", "12.5",
                "system.load1", "2"),
            Map.of("f", "queues", "t", Long.toString(t0), "queues.actions.depth", "7"),
            // the load is not in this collection: its point is not repeated
            Map.of("f", "system", "t", Long.toString(t0 + 5000), "system.cpu_percent", "13"));
    assertThat(component().health()).isEqualTo(Health.OK);
    assertThat(component().lastSuccess()).hasValue(clock.instant());
    assertThat(component().detail())
        .isEqualTo("appends to " + HISTORY + " and " + EVENTS + " at fake:6379/0");
  }

  @Test
  void eachEventIsOneEntry() {
    RedisStreamMirror m = mirror(100);
    Event e = new Event(clock.instant(), "collector_status", Map.of("collector", "redis"));
    registry.appendEvent(e);
    m.writeOnce();
    assertThat(store.entries(EVENTS)).hasSize(1);
    assertThat(StreamCodec.readEvent(store.entries(EVENTS).get(0))).isEqualTo(e);
  }

  @Test
  void staleMarksAddNothing() {
    RedisStreamMirror m = mirror(100);
    registry.publish(SYSTEM, new Reading(Map.of("system.cpu_percent", 1.0)));
    registry.markStale(SYSTEM);
    m.writeOnce();
    assertThat(store.entries(HISTORY)).hasSize(1);
  }

  @Test
  void theHistoryKeepsAWindowForEveryFamilyAndTheEventsTheLogsCapacity() {
    RedisStreamMirror m = mirror(100);
    registry.publish(SYSTEM, new Reading(Map.of("system.cpu_percent", 1.0)));
    m.writeOnce();
    registry.publish(QUEUES, new Reading(Map.of("queues.a.depth", 1.0)));
    registry.appendEvent(new Event(clock.instant(), "x", Map.of()));
    m.writeOnce();
    // 720 points: 4/3 of that per family, so that a family thinned to one entry per 3/4 interval
    // still has its window
    assertThat(store.maxLens()).containsExactly(960L, 1920L, 100L);
  }

  @Test
  void aFamilyPublishingMoreOftenThanThePollIntervalIsThinnedToOneEntryPerThreeQuarters() {
    RedisStreamMirror m = mirror(1000);
    for (int i = 0; i < 10; i++) { // every second, with a 5 s interval
      registry.publish(SYSTEM, new Reading(Map.of("system.cpu_percent", (double) i)));
      clock.advance(Duration.ofSeconds(1));
    }
    m.writeOnce();
    assertThat(store.entries(HISTORY))
        .extracting(f -> f.get("system.cpu_percent"))
        .containsExactly("0", "4", "8");
  }

  @Test
  void restoredFamiliesCountFromTheStartSoTheFirstEntryDoesNotTrimTheirPointsAway() {
    registry.restoreSeries("queues.a.depth", new long[] {clock.millis()}, new double[] {1});
    registry.restoreSeries("system.load1", new long[] {clock.millis()}, new double[] {1});
    RedisStreamMirror m = mirror(100);
    m.start();
    registry.publish(SYSTEM, new Reading(Map.of("system.cpu_percent", 1.0)));
    m.close();
    assertThat(store.maxLens()).containsExactly(1920L);
  }

  @Test
  void aFullQueueDropsTheOldestAndCountsThem() {
    RedisStreamMirror m = mirror(3);
    for (int i = 0; i < 5; i++) {
      registry.appendEvent(new Event(clock.instant(), "e" + i, Map.of()));
    }
    assertThat(m.dropped()).isEqualTo(2);
    m.writeOnce();
    assertThat(store.entries(EVENTS)).extracting(f -> f.get("k")).containsExactly("e2", "e3", "e4");
    assertThat(component().detail()).endsWith("; 2 dropped (queue full), 0 refused");
  }

  @Test
  void redisDownDegradesWithTheReasonKeepsTheEntriesAndOkComesBackWithTheNextWrite() {
    RedisStreamMirror m = mirror(100);
    clock.advance(Duration.ofSeconds(1));
    Instant firstSuccess = clock.instant();
    registry.appendEvent(new Event(clock.instant(), "before", Map.of()));
    m.writeOnce();
    store.down(true);
    registry.appendEvent(new Event(clock.instant(), "during", Map.of()));

    assertThat(m.writeOnce()).isFalse();
    assertThat(component().health()).isEqualTo(Health.DEGRADED);
    assertThat(component().lastError())
        .hasValue("Redis at fake:6379/0: ConnectException: Connection refused");
    assertThat(component().lastSuccess()).hasValue(firstSuccess);

    registry.appendEvent(new Event(clock.instant(), "still", Map.of()));
    assertThat(m.writeOnce()).isFalse();
    store.down(false);
    clock.advance(Duration.ofSeconds(5));
    assertThat(m.writeOnce()).isTrue();
    assertThat(component().health()).isEqualTo(Health.OK);
    assertThat(component().lastError()).isEmpty();
    assertThat(store.entries(EVENTS))
        .extracting(f -> f.get("k"))
        .containsExactly("before", "during", "still");
  }

  @Test
  void entriesRedisRefusesAreDroppedCountedAndDegrade() {
    RedisStreamMirror m = mirror(100);
    store.refuse(EVENTS);
    registry.appendEvent(new Event(clock.instant(), "x", Map.of()));
    registry.publish(SYSTEM, new Reading(Map.of("system.cpu_percent", 1.0)));
    assertThat(m.writeOnce()).isFalse();
    assertThat(component().health()).isEqualTo(Health.DEGRADED);
    assertThat(component().lastError().orElseThrow())
        .isEqualTo(
            "Redis at fake:6379/0 refused 1 entries (fr-monitor:s1:events: NOPERM this user has"
                + " no permissions to access one of the keys)");
    assertThat(component().detail()).endsWith("0 dropped (queue full), 1 refused");
    assertThat(store.entries(HISTORY)).hasSize(1);
    assertThat(m.writeOnce()).as("nothing left to try").isTrue();
  }

  @Test
  void closeWritesWhatIsQueuedAndTakesNothingAfter() {
    RedisStreamMirror m =
        new RedisStreamMirror(
            store, registry, HISTORY, EVENTS, 100, Duration.ofSeconds(1), Duration.ofSeconds(5));
    registry.addListener(m);
    for (int i = 0; i < 600; i++) { // more than a round trip's batch
      registry.appendEvent(new Event(clock.instant(), "e" + i, Map.of()));
    }
    m.close();
    registry.appendEvent(new Event(clock.instant(), "late", Map.of()));
    m.close();
    assertThat(store.entries(EVENTS)).hasSize(100);
    assertThat(store.closes()).isEqualTo(1);
  }

  @Test
  void theWriterThreadWritesInTheBackgroundAndCloseFlushesIt() {
    RedisStreamMirror m = mirror(1000);
    m.start();
    assertThat(component().health()).isEqualTo(Health.PENDING);
    for (int i = 0; i < 300; i++) {
      registry.appendEvent(new Event(clock.instant(), "e" + i, Map.of()));
    }
    m.close();
    // in more than one round trip, trimmed to the event log's capacity
    assertThat(store.appendCalls()).isGreaterThan(1);
    assertThat(store.entries(EVENTS)).hasSize(100);
    assertThat(store.entries(EVENTS).get(99)).containsEntry("k", "e299");
    assertThat(store.closes()).isEqualTo(1);
  }

  @Test
  void aStuckRedisNeverHoldsUpTheRegistrysWriters() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    FakeStore stuck =
        new FakeStore() {
          @Override
          public synchronized List<java.util.Optional<String>> append(List<Entry> entries) {
            entered.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.append(entries);
          }
        };
    RedisStreamMirror m =
        new RedisStreamMirror(
            stuck, registry, HISTORY, EVENTS, 50, Duration.ofSeconds(1), Duration.ofSeconds(5));
    registry.addListener(m);
    m.start();
    registry.appendEvent(new Event(clock.instant(), "first", Map.of()));
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 1000; i++) { // returns at once although the writer is stuck
      registry.appendEvent(new Event(clock.instant(), "e" + i, Map.of()));
    }
    assertThat(m.dropped()).isEqualTo(950);
    release.countDown();
    m.close();
    assertThat(stuck.entries(EVENTS)).hasSize(51);
  }
}
