package io.frmonitor.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;
import org.jspecify.annotations.Nullable;

/**
 * Every client name the fr-server's Redis knows, with its flags, counts per flag and per display
 * state, and the anomalies found. Held compactly — a name array in {@link #ORDER} and one flag byte
 * per name — so that 100,000 clients cost a few megabytes.
 *
 * <p>Immutable (the alphabetical index is computed once, on first use); the arrays are never
 * exposed. Thread-safe.
 */
public final class ClientsSnapshot {
  /** The clients family: what the outputs call this snapshot. */
  public static final Family<ClientsSnapshot> FAMILY =
      new Family<>("clients", ClientsSnapshot.class);

  /**
   * The order names are kept and merged in: by hash code, then alphabetically. Any total order
   * would do for merging and diffing; comparing cached hash codes first is several times cheaper
   * than comparing strings that share long prefixes ({@code ci_client_12345}).
   */
  public static final java.util.Comparator<String> ORDER = ClientsSnapshot::compare;

  /** {@link #ORDER} as a static method, cheaper to call in the collector's loops. */
  public static int compare(String a, String b) {
    int c = Integer.compare(a.hashCode(), b.hashCode());
    return c != 0 ? c : a.compareTo(b);
  }

  /** Sorts {@code names} in {@link #ORDER} in place, by a primitive sort of (hash, index) keys. */
  public static void sort(String[] names) {
    long[] keys = new long[names.length];
    for (int i = 0; i < names.length; i++) {
      keys[i] = ((long) names[i].hashCode() << 32) | i;
    }
    Arrays.sort(keys);
    String[] copy = names.clone();
    for (int i = 0; i < keys.length; i++) {
      names[i] = copy[(int) keys[i]];
    }
    // names with the same hash code (rare) must still end up in alphabetical order
    for (int start = 0; start < names.length; ) {
      int end = start + 1;
      while (end < names.length && names[end].hashCode() == names[start].hashCode()) {
        end++;
      }
      if (end - start > 1) {
        Arrays.sort(names, start, end);
      }
      start = end;
    }
  }

  private final String[] names;
  private volatile int @Nullable [] alphabetical; // computed on first use
  private final byte[] flags;
  private final Map<ClientFlag, Integer> flagCounts;
  private final Map<ClientState, Integer> stateCounts;
  private final ClientAnomalies anomalies;
  private final TransitionCounts transitions;
  private final List<String> undecodableFields;
  private final String source;

  /**
   * @param names distinct, sorted by {@link #ORDER}
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
    int[] byMask = new int[256];
    for (byte mask : flags) {
      byMask[mask & 0xff]++;
    }
    this.flagCounts = new EnumMap<>(ClientFlag.class);
    this.stateCounts = new EnumMap<>(ClientState.class);
    for (ClientFlag f : ClientFlag.values()) {
      flagCounts.put(f, 0);
    }
    for (ClientState s : ClientState.values()) {
      stateCounts.put(s, 0);
    }
    for (int mask = 0; mask < byMask.length; mask++) {
      if (byMask[mask] == 0) {
        continue;
      }
      for (ClientFlag f : ClientFlag.values()) {
        if ((mask & f.bit()) != 0) {
          flagCounts.merge(f, byMask[mask], Integer::sum);
        }
      }
      stateCounts.merge(ClientState.of(mask), byMask[mask], Integer::sum);
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
    return Objects.requireNonNull(flagCounts.get(flag), "every flag is counted");
  }

  /** Names displayed in {@code state}. */
  public int count(ClientState state) {
    return Objects.requireNonNull(stateCounts.get(state), "every state is counted");
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
    return Arrays.binarySearch(names, name, ORDER);
  }

  /** Indexes of the clients that match, in alphabetical order of their names, for paging. */
  public List<Integer> select(IntPredicate match) {
    List<Integer> out = new ArrayList<>();
    for (int i : alphabetical()) {
      if (match.test(i)) {
        out.add(i);
      }
    }
    return out;
  }

  private int[] alphabetical() {
    int[] order = alphabetical;
    if (order == null) {
      Integer[] boxed = new Integer[names.length];
      for (int i = 0; i < boxed.length; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, (a, b) -> names[a].compareTo(names[b]));
      order = new int[boxed.length];
      for (int i = 0; i < boxed.length; i++) {
        order[i] = boxed[i];
      }
      alphabetical = order;
    }
    return order;
  }
}
