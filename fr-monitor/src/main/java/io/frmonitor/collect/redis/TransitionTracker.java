package io.frmonitor.collect.redis;

import io.frmonitor.model.ClientAnomalies;
import io.frmonitor.model.ClientFlag;
import io.frmonitor.model.ClientState;
import io.frmonitor.model.ClientsSnapshot;
import io.frmonitor.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compares each cycle's client table with the previous one: display-state transitions become {@code
 * client_state_change} events (at most {@link #MAX_EVENTS_PER_CYCLE} a cycle; the rest are
 * counted), and clients that stay active after being blocked are tracked over time. The first table
 * is the baseline and produces no events. Pure apart from its memory of the last cycle.
 *
 * <p>Thread safety: used by one poller thread.
 */
final class TransitionTracker {
  static final int MAX_EVENTS_PER_CYCLE = 500;
  static final String EVENT_KIND = "client_state_change";

  private final Duration staleAfterBlock;
  private @Nullable ClientTable previous;
  private final Map<String, Instant> blockedActiveSince = new HashMap<>();
  private final Map<ClientState, Map<ClientState, Long>> totals = new EnumMap<>(ClientState.class);
  private long suppressed;

  TransitionTracker(Duration staleAfterBlock) {
    this.staleAfterBlock = staleAfterBlock;
  }

  /** The transitions of this cycle, oldest state first, as events stamped {@code now}. */
  @SuppressWarnings("ReferenceEquality") // the poller hands back the very table when unchanged
  List<Event> update(ClientTable current, Instant now) {
    List<Event> events = new ArrayList<>();
    if (previous != null && previous != current) { // an unchanged table is the same instance
      diff(previous, current, now, events);
    }
    previous = current;
    return events;
  }

  @SuppressWarnings("ReferenceEquality")
  private void diff(ClientTable before, ClientTable after, Instant now, List<Event> events) {
    int i = 0;
    int j = 0;
    while (i < before.names.length || j < after.names.length) {
      int cmp =
          i == before.names.length
              ? 1
              : j == after.names.length
                  ? -1
                  : before.names[i] == after.names[j] // shared instances: most names, most cycles
                      ? 0
                      : ClientsSnapshot.compare(before.names[i], after.names[j]);
      if (cmp < 0) {
        record(before.names[i], ClientState.of(before.flags[i]), ClientState.NONE, now, events);
        i++;
      } else if (cmp > 0) {
        record(after.names[j], ClientState.NONE, ClientState.of(after.flags[j]), now, events);
        j++;
      } else {
        ClientState from = ClientState.of(before.flags[i]);
        ClientState to = ClientState.of(after.flags[j]);
        if (from != to) {
          record(after.names[j], from, to, now, events);
        }
        i++;
        j++;
      }
    }
  }

  private void record(String name, ClientState from, ClientState to, Instant now, List<Event> out) {
    totals.computeIfAbsent(from, k -> new EnumMap<>(ClientState.class)).merge(to, 1L, Long::sum);
    if (out.size() >= MAX_EVENTS_PER_CYCLE) {
      suppressed++;
      return;
    }
    out.add(
        new Event(now, EVENT_KIND, Map.of("client", name, "from", from.label(), "to", to.label())));
  }

  /** Blocked-and-active clients now, and those that have stayed so for {@code staleAfterBlock}. */
  ClientAnomalies anomalies(ClientTable table, Instant now) {
    int both = ClientFlag.BLOCKED.bit() | ClientFlag.ACTIVE.bit();
    List<String> current = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    int currentTotal = 0;
    int staleTotal = 0;
    Map<String, Instant> still = new HashMap<>();
    for (int i = 0; i < table.names.length; i++) {
      if ((table.flags[i] & both) != both) {
        continue;
      }
      String name = table.names[i];
      Instant since = blockedActiveSince.getOrDefault(name, now);
      still.put(name, since);
      currentTotal++;
      if (current.size() < ClientAnomalies.MAX_NAMES) {
        current.add(name);
      }
      if (Duration.between(since, now).compareTo(staleAfterBlock) >= 0) {
        staleTotal++;
        if (stale.size() < ClientAnomalies.MAX_NAMES) {
          stale.add(name);
        }
      }
    }
    blockedActiveSince.clear();
    blockedActiveSince.putAll(still);
    return new ClientAnomalies(current, currentTotal, stale, staleTotal);
  }

  /** Transitions counted since start, by from and to state (including suppressed events). */
  Map<ClientState, Map<ClientState, Long>> totals() {
    Map<ClientState, Map<ClientState, Long>> copy = new EnumMap<>(ClientState.class);
    totals.forEach((from, tos) -> copy.put(from, new EnumMap<>(tos)));
    return copy;
  }

  /** Transition events not logged because a cycle had more than the cap. */
  long suppressed() {
    return suppressed;
  }
}
