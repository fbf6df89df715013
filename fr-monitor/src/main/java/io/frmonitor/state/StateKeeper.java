package io.frmonitor.state;

import io.frmonitor.alert.engine.AlertEngine;
import io.frmonitor.config.Durations;
import io.frmonitor.config.StateSettings;
import io.frmonitor.model.ComponentStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Health;
import io.frmonitor.model.Provenance;
import io.frmonitor.registry.MetricRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the history, the event log and the alert states across restarts (docs/persistence.md): at
 * start, puts back what the last run wrote — points older than the history window dropped, the time
 * the service was down left a gap — then writes the state every interval and at a graceful stop. A
 * state that cannot be written (a full disk, no permission) makes the {@code state} component
 * {@code degraded} in {@code /healthz}, and is tried again at the next interval; the service goes
 * on.
 *
 * <p>Thread safety: {@link #start} and {@link #close} are called by the service's lifecycle; writes
 * run on one thread of their own ({@code fr-state}).
 */
public final class StateKeeper implements AutoCloseable {
  static final String COMPONENT = "state";
  private static final Logger LOG = LoggerFactory.getLogger(StateKeeper.class);

  private final Path path;
  private final Duration interval;
  private final MetricRegistry registry;
  private final AlertEngine alerts;
  private final Clock clock;
  private final StateFallback fallback;
  private @Nullable StateDir dir;
  private @Nullable ScheduledExecutorService writer;
  private @Nullable ScheduledFuture<?> writes;
  private @Nullable String blocked;
  private Optional<Instant> lastSuccess = Optional.empty();
  private long lastBytes;

  private StateKeeper(
      Path path,
      Duration interval,
      MetricRegistry registry,
      AlertEngine alerts,
      Clock clock,
      StateFallback fallback) {
    this.path = path;
    this.interval = interval;
    this.registry = registry;
    this.alerts = alerts;
    this.clock = clock;
    this.fallback = fallback;
  }

  /** A keeper for {@code settings}; empty when the state is switched off. */
  public static Optional<StateKeeper> of(
      StateSettings settings, MetricRegistry registry, AlertEngine alerts, Clock clock) {
    return of(settings, registry, alerts, clock, StateFallback.NONE);
  }

  /**
   * A keeper for {@code settings} that, when it finds no state file at start, puts back what {@code
   * fallback} holds; empty when the state is switched off (the caller asks the fallback then).
   */
  public static Optional<StateKeeper> of(
      StateSettings settings,
      MetricRegistry registry,
      AlertEngine alerts,
      Clock clock,
      StateFallback fallback) {
    return settings
        .dir()
        .map(d -> new StateKeeper(d, settings.interval(), registry, alerts, clock, fallback));
  }

  /**
   * Takes the directory's lock and puts back the state found there — or, when there is no state
   * file (not when there is an unreadable one), what the fallback holds. Call before the collectors
   * start, so that restored points come before new ones.
   *
   * @throws StateInUseException when another fr-monitor holds the directory
   */
  public void restore() {
    try {
      dir = StateDir.open(path);
    } catch (IOException e) {
      failed("cannot open " + path + ": " + e);
      if (!Files.exists(path.resolve(StateDir.FILE))) { // none that can be seen, at least
        fallback.restoreInto(registry);
      }
      return;
    } catch (StateInUseException e) {
      blocked = e.getMessage(); // not ours to write, not even at close
      throw e;
    }
    StateDir.Loaded loaded = dir.read(clock.instant());
    loaded.problem().ifPresent(why -> LOG.warn("state: {}; starting afresh", why));
    if (!loaded.writable()) {
      blocked = loaded.problem().orElse("the state file cannot be read");
    }
    if (loaded.image().isPresent()) {
      apply(loaded.image().get());
    } else if (loaded.problem().isEmpty()) {
      fallback.restoreInto(registry); // no file at all: a new container, say
    }
    report(Optional.empty());
  }

  /** Starts writing every interval. */
  public void start() {
    ScheduledExecutorService w =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fr-state");
              t.setDaemon(true);
              return t;
            });
    long ms = interval.toMillis();
    writes = w.scheduleWithFixedDelay(this::writeSafely, ms, ms, TimeUnit.MILLISECONDS);
    writer = w;
  }

  private void writeSafely() {
    try {
      write();
    } catch (RuntimeException e) {
      LOG.error("state: writing failed", e);
      failed(String.valueOf(e));
    }
  }

  /** Writes the state now; on failure, says why in the component's status. */
  synchronized void write() {
    if (blocked != null) {
      failed(blocked);
      return;
    }
    if (dir == null) {
      try {
        dir = StateDir.open(path); // the directory may have become writable
      } catch (IOException | StateInUseException e) {
        failed("cannot open " + path + ": " + e.getMessage());
        return;
      }
    }
    long start = System.nanoTime();
    try {
      lastBytes = dir.write(capture()); // streamed: one series' copy in memory at a time
    } catch (IOException e) {
      failed("cannot write " + dir.file() + ": " + e);
      return;
    }
    lastSuccess = Optional.of(clock.instant());
    LOG.debug("state: wrote {} bytes in {} ms", lastBytes, (System.nanoTime() - start) / 1_000_000);
    report(Optional.empty());
  }

  /** The length of the file the last successful write wrote, in bytes; 0 before one. */
  synchronized long lastBytes() {
    return lastBytes;
  }

  /** Everything to keep, as of now. */
  StateImage capture() {
    // each ring copied when the encoder reaches it: one at a time in memory, not all
    List<SeriesHistory> series =
        copiedOnRead(
            registry.allSeries(),
            (name, ring) -> SeriesHistory.of(name, ring.since(Long.MIN_VALUE)));
    List<TrendHistory> trends =
        copiedOnRead(
            registry.allTrends(),
            (name, ring) -> TrendHistory.of(name, ring.since(Long.MIN_VALUE)));
    List<Event> events =
        new ArrayList<>(registry.events().newest(registry.events().capacity(), null));
    Collections.reverse(events);
    Instant now = clock.instant();
    return new StateImage(
        now,
        series,
        events,
        alerts.instances(),
        alerts.silences().list(now),
        alerts.history().all(),
        trends,
        registry.baselines().all());
  }

  /** The rings as a list whose elements are copied from them only when read. */
  private static <R, T> List<T> copiedOnRead(Map<String, R> rings, BiFunction<String, R, T> copy) {
    List<Map.Entry<String, R>> entries = new ArrayList<>(rings.entrySet());
    return new AbstractList<>() {
      @Override
      public T get(int index) {
        Map.Entry<String, R> e = entries.get(index);
        return copy.apply(e.getKey(), e.getValue());
      }

      @Override
      public int size() {
        return entries.size();
      }
    };
  }

  /** Puts an earlier run's state back, aged to now. */
  private void apply(StateImage image) {
    long points = 0;
    Instant upTo = image.writtenAt();
    for (SeriesHistory h : image.series()) {
      long[] times = new long[h.size()];
      double[] values = new double[h.size()];
      for (int i = 0; i < h.size(); i++) {
        times[i] = h.time(i);
        values[i] = h.value(i);
      }
      registry.restoreSeries(h.name(), times, values);
      points += h.size();
    }
    for (TrendHistory t : image.trends()) {
      registry.restoreTrend(t.name(), t.minutes(), t.mins(), t.avgs(), t.maxs());
    }
    registry.baselines().restore(image.baselines());
    image.events().forEach(registry.events()::append);
    alerts.restore(image.alerts());
    alerts.silences().restore(image.silences(), clock.instant());
    alerts.history().restore(image.alertHistory());
    Instant now = clock.instant();
    registry.restored(new Provenance(dir().file().toString(), now, upTo));
    LOG.info(
        "state: restored {} series ({} points), {} events, {} alerts, {} silences from {},"
            + " written {} ago",
        image.series().size(),
        points,
        image.events().size(),
        image.alerts().size(),
        image.silences().size(),
        dir().file(),
        Durations.format(
            Duration.between(upTo, now).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
  }

  private StateDir dir() {
    StateDir d = dir;
    if (d == null) {
      throw new IllegalStateException("the state directory is not open");
    }
    return d;
  }

  private void failed(String why) {
    LOG.warn("state: {}; trying again in {}", why, Durations.format(interval));
    report(Optional.of(why));
  }

  private void report(Optional<String> error) {
    registry.updateComponent(
        new ComponentStatus(
            COMPONENT,
            error.isPresent() ? Health.DEGRADED : Health.OK,
            "writes " + path.resolve(StateDir.FILE) + " every " + Durations.format(interval),
            lastSuccess,
            error));
  }

  /** Stops the periodic writes, writes a last time, and releases the directory. */
  @Override
  public synchronized void close() {
    if (writes != null) {
      writes.cancel(false);
    }
    if (writer != null) {
      writer.shutdownNow();
    }
    if (blocked != null) {
      return;
    }
    write();
    if (dir != null) {
      try {
        dir.close();
      } catch (IOException e) {
        LOG.warn("state: releasing {} failed", path, e);
      }
    }
  }
}
