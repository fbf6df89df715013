package io.frmonitor.collect.redis;

import io.frmonitor.model.ClientFlag;
import io.frmonitor.model.ClientsSnapshot;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The distinct client names in {@link ClientsSnapshot#ORDER} and one flag mask per name, merged
 * from each flag's sorted name array in one pass (no hash map: 100,000 names would cost megabytes
 * of entries). Pure.
 */
final class ClientTable {
  static final ClientTable EMPTY = new ClientTable(new String[0], new byte[0]);

  final String[] names;
  final byte[] flags;

  private ClientTable(String[] names, byte[] flags) {
    this.names = names;
    this.flags = flags;
  }

  /** Merges the per-flag arrays, each sorted (repeats allowed). */
  static ClientTable of(Map<ClientFlag, String[]> members) {
    Map<ClientFlag, String[]> nonEmpty = new java.util.EnumMap<>(ClientFlag.class);
    members.forEach(
        (flag, names) -> {
          if (names.length > 0) {
            nonEmpty.put(flag, names);
          }
        });
    ClientFlag[] flagOf = nonEmpty.keySet().toArray(new ClientFlag[0]);
    String[][] lists = new String[flagOf.length][];
    int total = 0;
    for (int f = 0; f < flagOf.length; f++) {
      lists[f] = nonEmpty.get(flagOf[f]);
      total += lists[f].length;
    }
    int[] at = new int[lists.length];
    String[] names = new String[total];
    byte[] flags = new byte[total];
    int n = 0;
    while (true) {
      String next = smallestHead(lists, at);
      if (next == null) {
        break;
      }
      int mask = 0;
      for (int f = 0; f < lists.length; f++) {
        while (at[f] < lists[f].length && sameName(lists[f][at[f]], next)) {
          mask |= flagOf[f].bit();
          at[f]++;
        }
      }
      names[n] = next;
      flags[n] = (byte) mask;
      n++;
    }
    return new ClientTable(Arrays.copyOf(names, n), Arrays.copyOf(flags, n));
  }

  /**
   * This table with one flag's members replaced by {@code members} (sorted, repeats allowed): one
   * two-way merge, instead of merging every flag's list again. A name left with no flag is dropped,
   * so the result equals {@link #of} of the updated lists. Names this table holds keep their
   * instance.
   */
  ClientTable with(ClientFlag flag, String[] members) {
    int bit = flag.bit();
    String[] outNames = new String[names.length + members.length];
    byte[] outFlags = new byte[outNames.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < names.length || j < members.length) {
      int c;
      if (i == names.length) {
        c = 1;
      } else if (j == members.length) {
        c = -1;
      } else {
        c = sameName(names[i], members[j]) ? 0 : ClientsSnapshot.compare(names[i], members[j]);
      }
      String name = c <= 0 ? names[i] : members[j];
      int mask = c <= 0 ? flags[i++] & ~bit : 0;
      if (c >= 0) {
        mask |= bit;
        j = pastRepeats(members, j);
      }
      if (mask != 0) {
        outNames[n] = name;
        outFlags[n++] = (byte) mask;
      }
    }
    return new ClientTable(Arrays.copyOf(outNames, n), Arrays.copyOf(outFlags, n));
  }

  /** The index after the run of names equal to {@code sorted[j]}. */
  private static int pastRepeats(String[] sorted, int j) {
    String name = sorted[j];
    int k = j + 1;
    while (k < sorted.length && sameName(sorted[k], name)) {
      k++;
    }
    return k;
  }

  @SuppressWarnings("ReferenceEquality") // shared instances compare by reference first, cheaply
  private static boolean sameName(String a, String b) {
    return a == b || a.equals(b);
  }

  @SuppressWarnings("ReferenceEquality") // a shared instance is equal without comparing
  private static @Nullable String smallestHead(String[][] lists, int[] at) {
    String min = null;
    for (int f = 0; f < lists.length; f++) {
      if (at[f] < lists[f].length
          && (min == null
              || (lists[f][at[f]] != min && ClientsSnapshot.compare(lists[f][at[f]], min) < 0))) {
        min = lists[f][at[f]];
      }
    }
    return min;
  }
}
