package io.frmonitor.registry;

import io.frmonitor.model.Event;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The newest events, at most {@code capacity}, kept in time order; older ones are dropped and
 * counted. Collectors on different threads stamp an event before they append it, so an event may
 * arrive a little after a newer one: it is put in its place, so that "newest first" holds by time.
 *
 * <p>Thread safety: synchronized.
 */
public final class EventLog {
  private final int capacity;
  private final ArrayDeque<Event> events;
  private long dropped;

  public EventLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.events = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  public synchronized void append(Event event) {
    if (events.size() == capacity) {
      if (event.time().isBefore(events.getFirst().time())) {
        dropped++; // older than everything kept: it would be the one dropped
        return;
      }
      events.removeFirst();
      dropped++;
    }
    // events arrive almost in order: move the few newer ones aside, then put them back
    ArrayDeque<Event> newer = new ArrayDeque<>();
    while (!events.isEmpty() && events.getLast().time().isAfter(event.time())) {
      newer.addFirst(events.removeLast());
    }
    events.addLast(event);
    events.addAll(newer);
  }

  /** Up to {@code limit} events, newest first, optionally only of one kind. */
  public List<Event> newest(int limit, @Nullable String kindOrNull) {
    return newestMatching(limit, kindOrNull == null ? e -> true : e -> e.kind().equals(kindOrNull));
  }

  /**
   * The newest {@code limit} events that pass {@code filter}, newest first: the limit counts
   * matching events only. The filter runs under the log's lock, so it must be quick and must not
   * call the log.
   */
  public synchronized List<Event> newestMatching(int limit, Predicate<? super Event> filter) {
    List<Event> out = new ArrayList<>(Math.min(limit, events.size()));
    for (Iterator<Event> it = events.descendingIterator(); it.hasNext() && out.size() < limit; ) {
      Event e = it.next();
      if (filter.test(e)) {
        out.add(e);
      }
    }
    return out;
  }

  public int capacity() {
    return capacity;
  }

  public synchronized int size() {
    return events.size();
  }

  /** Events dropped because the log was full. */
  public synchronized long dropped() {
    return dropped;
  }
}
