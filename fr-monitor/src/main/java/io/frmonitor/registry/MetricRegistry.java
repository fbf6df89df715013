package io.frmonitor.registry;

import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.ComponentStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Family;
import io.frmonitor.model.Provenance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single source of truth: the latest snapshot per family, a history ring per numeric series, a
 * bounded event log and every collector's status. Outputs read only from here.
 *
 * <p>Thread safety: safe for concurrent use. Each family and each series is expected to have one
 * writer. Listeners are notified on the writer's thread after the write (see {@link
 * RegistryListener}).
 */
public final class MetricRegistry implements MetricSink {
  private static final Logger LOG = LoggerFactory.getLogger(MetricRegistry.class);

  private final Clock clock;
  private final int historyPoints;
  private final Duration historyWindow;
  private final int maxSeries;
  private final Duration staleAfter;
  private final Map<String, Stored> latest = new ConcurrentHashMap<>();
  private final Map<String, TimeSeriesRing> series = new ConcurrentHashMap<>();
  private final Duration trendWindow;
  private final Map<String, TrendRing> trends = new ConcurrentHashMap<>();
  private final AtomicLong droppedSeries = new AtomicLong();
  private final EventLog events;
  private final Map<String, CollectorStatus> statuses = new ConcurrentHashMap<>();
  private final Map<String, ComponentStatus> components = new ConcurrentHashMap<>();
  private final Baselines baselines = new Baselines();
  private volatile Optional<Provenance> provenance = Optional.empty();
  private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Object, Map<String, Double>>> seriesOf =
      new ConcurrentHashMap<>();

  /**
   * @param historyWindow how far back history goes
   * @param historyPoints points per series ring (window / interval)
   * @param staleAfter age beyond which a snapshot counts as stale even if nobody flagged it
   */
  public MetricRegistry(
      Clock clock,
      Duration historyWindow,
      int historyPoints,
      int maxSeries,
      int eventCapacity,
      Duration staleAfter) {
    this(clock, historyWindow, historyPoints, maxSeries, eventCapacity, staleAfter, Duration.ZERO);
  }

  /**
   * @param trendWindow how far back each series' one-minute trend (min, avg, max) goes; zero keeps
   *     none
   */
  public MetricRegistry(
      Clock clock,
      Duration historyWindow,
      int historyPoints,
      int maxSeries,
      int eventCapacity,
      Duration staleAfter,
      Duration trendWindow) {
    this.trendWindow = trendWindow;
    this.clock = clock;
    this.historyWindow = historyWindow;
    this.historyPoints = historyPoints;
    this.maxSeries = maxSeries;
    this.staleAfter = staleAfter;
    this.events = new EventLog(eventCapacity);
  }

  public Clock clock() {
    return clock;
  }

  public Duration historyWindow() {
    return historyWindow;
  }

  public void addListener(RegistryListener listener) {
    listeners.add(listener);
  }

  /**
   * How a family's snapshots become history points: called once per published snapshot. A family
   * without one keeps no history.
   */
  public <T> void defineSeries(Family<T> family, Function<T, Map<String, Double>> series) {
    seriesOf.put(family.name(), snapshot -> series.apply(family.type().cast(snapshot)));
  }

  @Override
  public <T> void publish(Family<T> family, T snapshot) {
    Instant now = clock.instant();
    latest.put(family.name(), new Stored(snapshot, now, false));
    Function<Object, Map<String, Double>> series = seriesOf.get(family.name());
    if (series != null) {
      long ms = now.toEpochMilli();
      series.apply(snapshot).forEach((name, value) -> record(family, name, ms, value));
    }
    Latest<T> view = new Latest<>(snapshot, now, false);
    notifyListeners(l -> l.onSnapshot(family, view));
  }

  private void record(Family<?> family, String name, long ms, @Nullable Double value) {
    if (!name.startsWith(family.seriesPrefix())) {
      throw new IllegalArgumentException(
          "series " + name + " does not belong to family " + family.name());
    }
    if (value == null) {
      return;
    }
    TimeSeriesRing ring = series.get(name);
    if (ring == null) {
      if (series.size() >= maxSeries) {
        droppedSeries.incrementAndGet();
        return;
      }
      ring = series.computeIfAbsent(name, n -> new TimeSeriesRing(historyPoints));
    }
    ring.add(ms, value);
    if (!trendWindow.isZero()) {
      trends.computeIfAbsent(name, n -> new TrendRing(trendMinutes())).add(ms, value);
    }
  }

  private int trendMinutes() {
    return Math.toIntExact(trendWindow.toMillis() / TrendRing.MINUTE_MS);
  }

  /** How far back the one-minute trends go; zero when none are kept. */
  public Duration trendWindow() {
    return trendWindow;
  }

  /** A series' one-minute trend; empty when trends are off or the series has none. */
  public Optional<TrendRing> trend(String name) {
    return Optional.ofNullable(trends.get(name));
  }

  /** Every series' trend, sorted by name. */
  public NavigableMap<String, TrendRing> allTrends() {
    return Collections.unmodifiableNavigableMap(new TreeMap<>(trends));
  }

  /**
   * Puts back a series' trend minutes from before this process started (oldest first), those within
   * the trend window of now; nothing is put in the minutes the service was down.
   */
  public void restoreTrend(String name, int[] minutes, float[] mins, float[] avgs, float[] maxs) {
    if (trendWindow.isZero()) {
      return;
    }
    long from = Math.floorDiv(clock.millis() - trendWindow.toMillis(), TrendRing.MINUTE_MS);
    TrendRing ring = null;
    for (int i = 0; i < minutes.length; i++) {
      if (minutes[i] <= from) {
        continue;
      }
      if (ring == null) {
        if (!series.containsKey(name) && !trends.containsKey(name) && series.size() >= maxSeries) {
          return;
        }
        ring = trends.computeIfAbsent(name, n -> new TrendRing(trendMinutes()));
      }
      ring.restore(minutes[i], mins[i], avgs[i], maxs[i]);
    }
  }

  /**
   * Puts back a series' history from before this process started: the points within the history
   * window of now, oldest first, before any new point of it. Nothing is put between the last of
   * them and the first new point: the time the service was down stays a gap.
   */
  public void restoreSeries(String name, long[] times, double[] values) {
    long from = clock.millis() - historyWindow.toMillis();
    TimeSeriesRing ring = null;
    for (int i = 0; i < times.length; i++) {
      if (times[i] < from) {
        continue;
      }
      if (ring == null) {
        if (!series.containsKey(name) && series.size() >= maxSeries) {
          droppedSeries.incrementAndGet();
          return;
        }
        ring = series.computeIfAbsent(name, n -> new TimeSeriesRing(historyPoints));
      }
      ring.add(times[i], values[i]);
    }
  }

  /** Says where the history from before this process's start came from. */
  public void restored(Provenance from) {
    this.provenance = Optional.of(from);
  }

  /** Where the history from before this process's start came from; empty when it starts afresh. */
  public Optional<Provenance> provenance() {
    return provenance;
  }

  /** Marks a family's snapshot stale (its collector failed). No-op when it has none yet. */
  public void markStale(Family<?> family) {
    Stored s = latest.computeIfPresent(family.name(), (k, v) -> v.asStale());
    if (s != null) {
      Latest<Object> view = new Latest<>(s.value, s.at, true);
      notifyListeners(l -> l.onSnapshot(family, view));
    }
  }

  /** The family's newest snapshot with its freshness, or empty before the first collection. */
  public <T> Optional<Latest<T>> latest(Family<T> family) {
    Stored s = latest.get(family.name());
    if (s == null) {
      return Optional.empty();
    }
    boolean old = Duration.between(s.at, clock.instant()).compareTo(staleAfter) > 0;
    return Optional.of(new Latest<>(family.type().cast(s.value), s.at, s.stale || old));
  }

  /** How many series are held. */
  public int seriesCount() {
    return series.size();
  }

  /** All series names, sorted. */
  public NavigableMap<String, TimeSeriesRing> allSeries() {
    return Collections.unmodifiableNavigableMap(new TreeMap<>(series));
  }

  /** The series of one family, sorted by name. */
  public NavigableMap<String, TimeSeriesRing> familySeries(Family<?> family) {
    TreeMap<String, TimeSeriesRing> out = new TreeMap<>();
    series.forEach(
        (name, ring) -> {
          if (name.startsWith(family.seriesPrefix())) {
            out.put(name, ring);
          }
        });
    return out;
  }

  public Optional<TimeSeriesRing> series(String name) {
    return Optional.ofNullable(series.get(name));
  }

  /** Series refused because {@code maxSeries} was reached. */
  public long droppedSeries() {
    return droppedSeries.get();
  }

  @Override
  public void appendEvent(Event event) {
    events.append(event);
    notifyListeners(l -> l.onEvent(event));
  }

  public EventLog events() {
    return events;
  }

  @Override
  public Baselines baselines() {
    return baselines;
  }

  public void updateStatus(CollectorStatus status) {
    statuses.put(status.name(), status);
    notifyListeners(l -> l.onStatus(status));
  }

  /** Records the health of one of the service's own components (not a collector). */
  public void updateComponent(ComponentStatus status) {
    components.put(status.name(), status);
  }

  /** Every component's status, sorted by name. */
  public NavigableMap<String, ComponentStatus> components() {
    return new TreeMap<>(components);
  }

  /** Every collector's status, sorted by name. */
  public NavigableMap<String, CollectorStatus> statuses() {
    return new TreeMap<>(statuses);
  }

  /** The statuses of the collectors that publish {@code family}, sorted by name. */
  public List<CollectorStatus> statusesOf(Family<?> family) {
    List<CollectorStatus> out = new ArrayList<>();
    for (CollectorStatus s : statuses().values()) {
      if (s.families().contains(family.name())) {
        out.add(s);
      }
    }
    return out;
  }

  private void notifyListeners(Consumer<RegistryListener> call) {
    for (RegistryListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("registry listener {} failed", l.getClass().getSimpleName(), e);
      }
    }
  }

  private record Stored(Object value, Instant at, boolean stale) {
    Stored asStale() {
      return new Stored(value, at, true);
    }
  }
}
