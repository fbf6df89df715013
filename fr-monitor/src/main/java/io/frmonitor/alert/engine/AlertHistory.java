package io.frmonitor.alert.engine;

import io.frmonitor.alert.eval.Transition;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The alerts' state changes, each with an id that only grows, so a reader asks for what came after
 * the last id it saw ({@code /alerts/history?after=<id>}, as Netdata's alarm log). The newest
 * {@code capacity} are kept.
 *
 * <p>Thread safety: synchronized; written by the engine, read by HTTP handlers.
 */
public final class AlertHistory {
  private final int capacity;
  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private long lastId;

  /**
   * One state change.
   *
   * @param id grows by one per entry, from 1
   * @param from the state before: {@code inactive}, {@code pending}, {@code firing}, {@code
   *     no_data} or {@code resolved}
   * @param to the state after
   */
  public record Entry(
      long id,
      Instant at,
      String alertname,
      String severity,
      Map<String, String> labels,
      String from,
      String to,
      OptionalDouble value,
      String summary,
      boolean silenced,
      String fingerprint) {
    public Entry {
      labels = Map.copyOf(labels);
    }
  }

  public AlertHistory(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
  }

  /** Appends one transition; returns its entry. */
  public synchronized Entry append(Transition t, boolean silenced) {
    var i = t.instance();
    Entry e =
        new Entry(
            ++lastId,
            t.at(),
            i.rule(),
            i.labels().getOrDefault("severity", ""),
            i.labels(),
            t.from(),
            t.to(),
            i.value(),
            i.annotations().getOrDefault("summary", ""),
            silenced,
            i.fingerprint());
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(e);
    return e;
  }

  /** Up to {@code limit} entries with an id above {@code after}, oldest first. */
  public synchronized List<Entry> after(long after, int limit) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (e.id() > after && out.size() < limit) {
        out.add(e);
      }
    }
    return out;
  }

  /** The newest {@code limit} entries, oldest first. */
  public synchronized List<Entry> newest(int limit) {
    List<Entry> out = new ArrayList<>(entries);
    return List.copyOf(out.subList(Math.max(0, out.size() - limit), out.size()));
  }

  /** Every entry kept, oldest first. */
  public synchronized List<Entry> all() {
    return List.copyOf(entries);
  }

  /**
   * Puts back the entries of an earlier run (oldest first), before any new one: ids go on from the
   * highest, so that a client polling {@code after=<id>} misses nothing and sees nothing twice.
   */
  public synchronized void restore(List<Entry> earlier) {
    for (Entry e : earlier) {
      if (e.id() <= lastId) {
        continue;
      }
      if (entries.size() == capacity) {
        entries.removeFirst();
      }
      entries.addLast(e);
      lastId = e.id();
    }
  }

  /** The id of the newest entry; 0 before the first. */
  public synchronized long lastId() {
    return lastId;
  }

  public int capacity() {
    return capacity;
  }
}
