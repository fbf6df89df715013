package io.frmonitor.state.redis;

import io.frmonitor.config.Durations;
import io.frmonitor.config.RedisStreamSettings;
import io.frmonitor.model.Event;
import io.frmonitor.model.Provenance;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.state.StateFallback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts back the history and the event log from the Redis streams that {@link RedisStreamMirror}
 * writes, when there is no state file: the history stream read with {@code XRANGE} in batches,
 * oldest first, each point handed to {@link MetricRegistry#restoreSeries} (which keeps those within
 * the history window), then the events stream appended to the event log. An entry this build did
 * not write is skipped and counted; a point not newer than the series' last one (an entry written
 * twice after a lost connection) is skipped. Redis unreachable: a warning, and the service starts
 * afresh (with what came back before it went, if anything).
 *
 * <p>Thread safety: called once, by the service's start.
 */
public final class RedisStreamRestore implements StateFallback {
  private static final Logger LOG = LoggerFactory.getLogger(RedisStreamRestore.class);

  /** Entries per {@code XRANGE}: a history entry holds a whole family's series. */
  static final int BATCH = 100;

  private final StreamStore store;
  private final String historyKey;
  private final String eventsKey;
  private final Clock clock;

  RedisStreamRestore(StreamStore store, String historyKey, String eventsKey, Clock clock) {
    this.store = store;
    this.historyKey = historyKey;
    this.eventsKey = eventsKey;
    this.clock = clock;
  }

  /** Reads the streams of {@code settings}, each call waiting at most {@code timeout}. */
  public static RedisStreamRestore create(
      RedisStreamSettings settings, Clock clock, Duration timeout) {
    return new RedisStreamRestore(
        new JedisStreamStore(settings, timeout),
        settings.historyKey(),
        settings.eventsKey(),
        clock);
  }

  @Override
  public void restoreInto(MetricRegistry registry) {
    Tally tally = new Tally();
    try {
      history(registry, tally);
      events(registry, tally);
    } catch (StreamUnavailableException e) {
      tally.failed = true;
      LOG.warn(
          "redis stream: cannot read {} and {}: {}; {}",
          historyKey,
          eventsKey,
          e.getMessage(),
          tally.points + tally.events == 0 ? "starting afresh" : "keeping what came back");
    } finally {
      store.close();
    }
    finish(registry, tally);
  }

  /** Reads the whole history stream, batch by batch, into the rings. */
  private void history(MetricRegistry registry, Tally tally) {
    long from = clock.millis() - registry.historyWindow().toMillis();
    Map<String, Long> last = tally.last;
    each(
        historyKey,
        tally,
        fields -> {
          StreamCodec.HistoryEntry h = StreamCodec.readHistory(fields);
          tally.newest = Math.max(tally.newest, h.time());
          if (h.time() < from) {
            return; // aged out
          }
          h.points()
              .forEach(
                  (name, value) -> {
                    Long before = last.get(name);
                    if (before == null || h.time() > before) {
                      registry.restoreSeries(name, new long[] {h.time()}, new double[] {value});
                      last.put(name, h.time());
                      tally.points++;
                    }
                  });
        });
  }

  /** Reads the whole events stream into the event log, oldest first. */
  private void events(MetricRegistry registry, Tally tally) {
    Event[] previous = new Event[1];
    each(
        eventsKey,
        tally,
        fields -> {
          Event e = StreamCodec.readEvent(fields);
          if (!e.equals(previous[0])) { // the same event written twice after a lost connection
            registry.events().append(e);
            tally.events++;
            tally.newestEvent = Math.max(tally.newestEvent, e.time().toEpochMilli());
          }
          previous[0] = e;
        });
  }

  private void each(String key, Tally tally, Consumer<Map<String, String>> apply) {
    String after = "0-0";
    while (true) {
      List<StreamStore.Stored> batch = store.read(key, after, BATCH);
      for (StreamStore.Stored s : batch) {
        try {
          apply.accept(s.fields());
        } catch (StreamCodec.MalformedEntryException e) {
          tally.malformed(key + " " + s.id() + ": " + e.getMessage());
        }
      }
      if (batch.size() < BATCH) {
        return;
      }
      after = batch.get(batch.size() - 1).id();
    }
  }

  private void finish(MetricRegistry registry, Tally tally) {
    if (tally.malformedCount > 0) {
      LOG.warn(
          "redis stream: skipped {} entries fr-monitor did not write (first: {})",
          tally.malformedCount,
          tally.firstMalformed);
    }
    if (tally.points + tally.events == 0) {
      if (!tally.failed) {
        LOG.info("redis stream: nothing to restore from {} at {}", historyKey, store.where());
      }
      return;
    }
    Instant now = clock.instant();
    long newest = tally.points > 0 ? tally.newest : tally.newestEvent;
    Instant upTo = Instant.ofEpochMilli(newest);
    registry.restored(
        new Provenance("redis stream " + historyKey + " at " + store.where(), now, upTo));
    LOG.info(
        "redis stream: restored {} series ({} points) and {} events from {} and {} at {},"
            + " newest {} ago",
        tally.last.size(),
        tally.points,
        tally.events,
        historyKey,
        eventsKey,
        store.where(),
        Durations.format(
            upTo.isAfter(now)
                ? Duration.ZERO
                : Duration.between(upTo, now).truncatedTo(ChronoUnit.SECONDS)));
  }

  /** What a restore found. */
  private static final class Tally {
    final Map<String, Long> last = new HashMap<>(); // each series' newest point restored
    long points;
    long events;
    long newest = Long.MIN_VALUE;
    long newestEvent = Long.MIN_VALUE;
    long malformedCount;
    boolean failed;
    @Nullable String firstMalformed;

    void malformed(String why) {
      if (malformedCount++ == 0) {
        firstMalformed = why;
      }
    }
  }
}
