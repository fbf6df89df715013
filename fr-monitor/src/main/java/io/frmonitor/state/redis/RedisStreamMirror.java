package io.frmonitor.state.redis;

import io.frmonitor.config.RedisStreamSettings;
import io.frmonitor.model.ComponentStatus;
import io.frmonitor.model.Event;
import io.frmonitor.model.Family;
import io.frmonitor.model.Health;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.registry.RegistryListener;
import io.frmonitor.registry.TimeSeriesRing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the history and the event log into two Redis streams as they are written
 * (docs/persistence.md): after each published snapshot, one entry with the family's points of that
 * collection on {@code fr-monitor:<server>:history}; after each event, one entry on {@code
 * fr-monitor:<server>:events} (fields: {@link StreamCodec}). Each {@code XADD} trims its stream
 * ({@code MAXLEN ~}): the events to the event log's capacity; the history to 4/3 × the history
 * points × the families that have series, which holds a whole window because a family gets at most
 * one entry in any three quarters of a poll interval (the alert engine publishes after every
 * collection: its points are thinned in the copy; a collector's, a poll interval apart give or take
 * the jitter, never are).
 *
 * <p>The registry's writers (the collectors) are never held up: their calls put a small item in a
 * bounded queue — the oldest dropped and counted when it is full — and one daemon thread ({@value
 * #THREAD}) reads the points and pipelines the {@code XADD}s. A failure (Redis down, a refused
 * password, {@code NOPERM}) makes the {@value #COMPONENT} component {@code degraded} in {@code
 * /healthz} with the reason; the writer goes on, tries again (connecting anew) after a pause that
 * grows to at most {@code maxRetry}, and the component is {@code ok} again once a write succeeds.
 * Entries a lost connection kept from Redis are tried again; entries Redis refused are dropped and
 * counted. {@link #close} writes what is queued, starting no round trip after {@code flushTimeout}
 * (each is bounded by the connection's timeout), and waits for the writer twice that at most.
 *
 * <p>Thread safety: the listener methods may be called from any thread; {@link #start} and {@link
 * #close} by the service's lifecycle.
 */
public final class RedisStreamMirror implements RegistryListener, AutoCloseable {
  static final String COMPONENT = "redis_stream";
  static final String THREAD = "fr-redis-stream";

  /** Items queued beyond the event log's capacity. */
  static final int QUEUE = 10_000;

  /** Entries per round trip. */
  static final int BATCH = 256;

  private static final Logger LOG = LoggerFactory.getLogger(RedisStreamMirror.class);
  private static final long FIRST_RETRY_MS = 250;

  private final StreamStore store;
  private final MetricRegistry registry;
  private final String historyKey;
  private final String eventsKey;
  private final Clock clock;
  private final Duration maxRetry;
  private final Duration flushTimeout;

  private final DropOldestQueue<Item> queue;

  // the writer's own (the writer thread, or close() when no thread was started)
  private final List<StreamStore.Entry> pending = new ArrayList<>();
  private final Set<String> familiesWithSeries = new HashSet<>();
  private final Map<String, Long> lastWritten = new HashMap<>(); // family -> time of its entry
  private int historyPoints = 1;
  private long refused;
  private Optional<Instant> lastSuccess = Optional.empty();
  private @Nullable String lastError;

  private final AtomicBoolean closed = new AtomicBoolean();
  private @Nullable Thread writer;

  RedisStreamMirror(
      StreamStore store,
      MetricRegistry registry,
      String historyKey,
      String eventsKey,
      int capacity,
      Duration maxRetry,
      Duration flushTimeout) {
    this.store = store;
    this.registry = registry;
    this.historyKey = historyKey;
    this.eventsKey = eventsKey;
    this.clock = registry.clock();
    this.queue = new DropOldestQueue<>(capacity);
    this.maxRetry = maxRetry;
    this.flushTimeout = flushTimeout;
  }

  /**
   * A mirror into the streams of {@code settings}.
   *
   * @param timeout each Redis call's limit
   * @param maxRetry the longest pause between attempts while Redis fails
   */
  public static RedisStreamMirror create(
      RedisStreamSettings settings, MetricRegistry registry, Duration timeout, Duration maxRetry) {
    return new RedisStreamMirror(
        new JedisStreamStore(settings, timeout),
        registry,
        settings.historyKey(),
        settings.eventsKey(),
        QUEUE + registry.events().capacity(),
        maxRetry,
        timeout);
  }

  @Override
  public void onSnapshot(Family<?> family, Latest<?> latest) {
    if (!latest.stale()) { // a stale mark adds no point
      queue.offer(new Collected(family, latest.collectedAt().toEpochMilli()));
    }
  }

  @Override
  public void onEvent(Event event) {
    queue.offer(new Happened(event));
  }

  /** Starts the writer thread. */
  public void start() {
    // the families of the series already there (restored) count from the first entry, so that
    // it does not trim their points away before each of them has written again
    registry
        .allSeries()
        .keySet()
        .forEach(name -> familiesWithSeries.add(name.substring(0, Math.max(0, name.indexOf('.')))));
    familiesWithSeries.remove("");
    report(Health.PENDING, null);
    Thread t = new Thread(this::run, THREAD);
    t.setDaemon(true);
    writer = t;
    t.start();
  }

  private void run() {
    try {
      long retryMs = 0;
      while (queue.await(retryMs, !pending.isEmpty())) {
        retryMs = writeOnce() ? 0 : Math.min(Math.max(FIRST_RETRY_MS, 2 * retryMs), maxRetryMs());
      }
      flush();
    } catch (RuntimeException e) {
      LOG.error("redis stream: the writer stopped", e);
      report(Health.DOWN, "the writer stopped: " + e);
    } finally {
      store.close();
    }
  }

  private long maxRetryMs() {
    return Math.max(FIRST_RETRY_MS, maxRetry.toMillis());
  }

  /**
   * Takes what is queued (up to a batch), reads the points, and writes them with what a failed
   * attempt left.
   *
   * @return whether the write succeeded (or there was nothing to write)
   */
  boolean writeOnce() {
    for (Item item : queue.take(BATCH - pending.size())) {
      encode(item).ifPresent(pending::add);
    }
    if (pending.isEmpty()) {
      return true;
    }
    List<Optional<String>> results;
    try {
      results = store.append(pending);
    } catch (StreamUnavailableException e) {
      report(Health.DEGRADED, e.getMessage()); // kept in pending: tried again
      return false;
    }
    Optional<String> refusal = refusals(results);
    pending.clear();
    if (refusal.isPresent()) {
      report(Health.DEGRADED, refusal.get());
      return false;
    }
    lastSuccess = Optional.of(clock.instant());
    report(Health.OK, null);
    return true;
  }

  /** Counts the pending entries Redis refused, and says so; empty when it took them all. */
  private Optional<String> refusals(List<Optional<String>> results) {
    String first = null;
    int count = 0;
    for (int i = 0; i < results.size(); i++) {
      Optional<String> error = results.get(i);
      if (error.isPresent()) {
        count++;
        first = first == null ? pending.get(i).key() + ": " + error.get() : first;
      }
    }
    refused += count;
    return first == null
        ? Optional.empty()
        : Optional.of(
            "Redis at " + store.where() + " refused " + count + " entries (" + first + ")");
  }

  private Optional<StreamStore.Entry> encode(Item item) {
    if (item instanceof Happened h) {
      return Optional.of(
          new StreamStore.Entry(
              eventsKey, registry.events().capacity(), StreamCodec.event(h.event())));
    }
    return encode((Collected) item);
  }

  /** The family's points of that collection, read from the rings now; empty when thinned out. */
  private Optional<StreamStore.Entry> encode(Collected c) {
    String family = c.family().name();
    Long last = lastWritten.get(family);
    if (last != null && c.time() - last < minGapMs()) {
      return Optional.empty(); // thinned
    }
    Map<String, Double> points = new LinkedHashMap<>();
    for (Map.Entry<String, TimeSeriesRing> e : registry.familySeries(c.family()).entrySet()) {
      TimeSeriesRing.SeriesPoints p = e.getValue().since(c.time());
      if (p.size() > 0 && p.time(0) == c.time()) {
        points.put(e.getKey(), p.value(0));
        historyPoints = Math.max(historyPoints, e.getValue().capacity());
      }
    }
    if (points.isEmpty()) {
      return Optional.empty(); // a family without series, or a point the ring no longer holds
    }
    lastWritten.put(family, c.time());
    familiesWithSeries.add(family);
    long maxLen = ((long) historyPoints * familiesWithSeries.size() * 4 + 2) / 3;
    return Optional.of(
        new StreamStore.Entry(
            historyKey, maxLen, StreamCodec.history(c.family().name(), c.time(), points)));
  }

  /** Three quarters of a history step (the poll interval): the least time between two entries. */
  private long minGapMs() {
    return registry.historyWindow().toMillis() * 3 / 4 / historyPoints;
  }

  /** Writes what is left, for at most the flush timeout; says what could not be written. */
  private void flush() {
    long deadline = System.nanoTime() + flushTimeout.toNanos();
    while (queue.size() + pending.size() > 0 && System.nanoTime() < deadline) {
      if (!writeOnce()) {
        break;
      }
    }
    int left = queue.size() + pending.size();
    if (left > 0) {
      LOG.warn(
          "redis stream: {} entries not written at stop ({})",
          left,
          Objects.requireNonNullElse(lastError, "no time left"));
    }
  }

  /** Items dropped because the queue was full. */
  long dropped() {
    return queue.dropped();
  }

  private void report(Health health, @Nullable String error) {
    if (error != null && !error.equals(lastError)) {
      LOG.warn("redis stream: {}; trying again", error);
    } else if (error == null && lastError != null) {
      LOG.info("redis stream: writing to {} again", store.where());
    }
    lastError = error;
    long d = dropped();
    String counts =
        d + refused == 0 ? "" : "; " + d + " dropped (queue full), " + refused + " refused";
    registry.updateComponent(
        new ComponentStatus(
            COMPONENT,
            health,
            "appends to " + historyKey + " and " + eventsKey + " at " + store.where() + counts,
            lastSuccess,
            Optional.ofNullable(error)));
  }

  /** Stops taking entries and writes what is queued: at most about twice the flush timeout. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    queue.close();
    Thread w = writer;
    if (w == null) {
      try {
        flush();
      } finally {
        store.close();
      }
      return;
    }
    try {
      w.join(flushTimeout.multipliedBy(2).toMillis() + 1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (w.isAlive()) {
      LOG.warn("redis stream: the writer did not finish in time; left behind");
    }
  }

  /** What the writer has to do. */
  private sealed interface Item permits Collected, Happened {}

  /** A family published a snapshot at {@code time} (epoch ms). */
  private record Collected(Family<?> family, long time) implements Item {}

  private record Happened(Event event) implements Item {}
}
