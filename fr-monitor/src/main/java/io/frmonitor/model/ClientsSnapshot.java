package io.frmonitor.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Every client name the fr-server's Redis knows, with its flags, counts per flag and per display
 * state, and the anomalies found. Held compactly — a sorted name array and one flag byte per name —
 * so that 100,000 clients cost a few megabytes.
 *
 * <p>Immutable; the arrays are never exposed.
 */
public final class ClientsSnapshot {
  private final String[] names;
  private final byte[] flags;
  private final Map<ClientFlag, Integer> flagCounts;
  private final Map<ClientState, Integer> stateCounts;
  private final ClientAnomalies anomalies;
  private final TransitionCounts transitions;
  private final List<String> undecodableFields;
  private final String source;

  /**
   * @param names sorted, distinct
   * @param flags one mask per name (see {@link ClientFlag#bit()})
   */
  public ClientsSnapshot(
      String[] names,
      byte[] flags,
      ClientAnomalies anomalies,
      TransitionCounts transitions,
      List<String> undecodableFields,
      String source) {
    if (names.length != flags.length) {
      throw new IllegalArgumentException("one flag mask per name");
    }
    this.names = names.clone();
    this.flags = flags.clone();
    this.anomalies = anomalies;
    this.transitions = transitions;
    this.undecodableFields = List.copyOf(undecodableFields);
    this.source = source;
    this.flagCounts = new EnumMap<>(ClientFlag.class);
    this.stateCounts = new EnumMap<>(ClientState.class);
    for (ClientFlag f : ClientFlag.values()) {
      flagCounts.put(f, 0);
    }
    for (ClientState s : ClientState.values()) {
      stateCounts.put(s, 0);
    }
    for (byte mask : flags) {
      for (ClientFlag f : ClientFlag.values()) {
        if ((mask & f.bit()) != 0) {
          flagCounts.merge(f, 1, Integer::sum);
        }
      }
      stateCounts.merge(ClientState.of(mask), 1, Integer::sum);
    }
  }

  public int size() {
    return names.length;
  }

  public String name(int i) {
    return names[i];
  }

  /** The flag mask of client {@code i}. */
  public int flagMask(int i) {
    return flags[i];
  }

  public ClientState state(int i) {
    return ClientState.of(flags[i]);
  }

  public Set<ClientFlag> flags(int i) {
    Set<ClientFlag> out = EnumSet.noneOf(ClientFlag.class);
    for (ClientFlag f : ClientFlag.values()) {
      if ((flags[i] & f.bit()) != 0) {
        out.add(f);
      }
    }
    return out;
  }

  /** Names carrying {@code flag} (members of its hash field). */
  public int count(ClientFlag flag) {
    return flagCounts.get(flag);
  }

  /** Names displayed in {@code state}. */
  public int count(ClientState state) {
    return stateCounts.get(state);
  }

  public ClientAnomalies anomalies() {
    return anomalies;
  }

  public TransitionCounts transitions() {
    return transitions;
  }

  /** Hash fields that could not be decoded this cycle (their flags are missing). */
  public List<String> undecodableFields() {
    return undecodableFields;
  }

  /** Where the data came from, e.g. {@code redis://127.0.0.1:6379/0 Clients_status}. */
  public String source() {
    return source;
  }

  /** The index of {@code name}, or a negative number when absent. */
  public int indexOf(String name) {
    return Arrays.binarySearch(names, name);
  }

  /** Indexes of the clients that match, in name order, for paging. */
  public List<Integer> select(IntPredicate match) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      if (match.test(i)) {
        out.add(i);
      }
    }
    return out;
  }
}
