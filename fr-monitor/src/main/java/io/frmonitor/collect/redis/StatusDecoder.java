package io.frmonitor.collect.redis;

import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.model.ClientFlag;
import io.frmonitor.model.ClientsSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the raw field values into name lists per flag. A field whose value did not change since the
 * last cycle is not decoded again (the fr-server rewrites its lists often but rarely changes them),
 * so a steady state with 100,000 clients costs one comparison per field; a field rewritten with the
 * same names in another order (the server manager rewrites every list from a set on each admin
 * action) is decoded and sorted but reported unchanged, so nothing downstream is rebuilt.
 *
 * <p>Thread safety: used by one poller thread.
 */
final class StatusDecoder {
  private final PayloadDecoder decoder;
  private static final String[] NONE = new String[0];

  private final Map<ClientFlag, Cached> cache = new EnumMap<>(ClientFlag.class);

  StatusDecoder(PayloadDecoder decoder) {
    this.decoder = decoder;
  }

  /**
   * Names per flag (each array sorted, possibly with repeats; a field that is missing or could not
   * be read has none), the fields that could not be read (with why), and the flags whose members
   * changed since the last cycle.
   */
  record Decoded(
      Map<ClientFlag, String[]> members, List<String> problems, Set<ClientFlag> changedFlags) {
    boolean changed() {
      return !changedFlags.isEmpty();
    }
  }

  // names: sorted, never modified after decoding; the record is never compared
  @SuppressWarnings("ArrayRecordComponent")
  private record Cached(FieldValue raw, String[] names, @Nullable String problem) {}

  /**
   * Decodes the fields that changed. Names equal to one in {@code known} (sorted; the last cycle's
   * names) are replaced by that instance, so 100,000 unchanged names are held once, not once per
   * list and cycle.
   */
  Decoded decode(Map<String, FieldValue> fields, String[] known) {
    Map<ClientFlag, String[]> members = new EnumMap<>(ClientFlag.class);
    List<String> problems = new ArrayList<>();
    Set<ClientFlag> changed = EnumSet.noneOf(ClientFlag.class);
    for (ClientFlag flag : ClientFlag.values()) {
      FieldValue raw = fields.get(flag.field());
      Cached before = cache.get(flag);
      Cached now;
      if (raw == null) {
        now = null;
        if (before != null) {
          changed.add(flag);
        }
      } else if (before != null && before.raw.equals(raw)) {
        now = before;
      } else {
        now = decodeField(raw, known);
        if (before != null && sameMembers(before, now)) {
          // rewritten in another order (the server manager's set-ordered rewrite): no change
          now = new Cached(raw, before.names, null);
        } else {
          changed.add(flag);
        }
      }
      if (now == null) {
        cache.remove(flag);
        continue;
      }
      cache.put(flag, now);
      if (now.problem != null) {
        problems.add(flag.field() + ": " + now.problem);
      } else {
        members.put(flag, now.names);
      }
    }
    return new Decoded(members, problems, changed);
  }

  /**
   * Whether a freshly decoded field holds the very names it held before. Both arrays are sorted and
   * share the instances of names they have in common, so this costs a reference comparison per
   * name.
   */
  private static boolean sameMembers(Cached before, Cached now) {
    return before.problem == null && now.problem == null && Arrays.equals(before.names, now.names);
  }

  private Cached decodeField(FieldValue raw, String[] known) {
    if (raw instanceof FieldValue.Members m) {
      return new Cached(raw, sortedShared(m.names(), known), null);
    }
    if (raw instanceof FieldValue.WrongType w) {
      return new Cached(raw, NONE, "key is a " + w.type() + ", expected a set, list or string");
    }
    DecodeResult result = decoder.decode(((FieldValue.Encoded) raw).bytes());
    if (result instanceof DecodeResult.Failed f) {
      return new Cached(
          raw, NONE, f.error().name().toLowerCase(java.util.Locale.ROOT) + ", " + f.detail());
    }
    Object value = ((DecodeResult.Decoded) result).value();
    if (!(value instanceof Collection<?> items)) {
      return new Cached(raw, NONE, "not a list of names");
    }
    String[] names = new String[items.size()];
    int n = 0;
    for (Object item : items) {
      if (!(item instanceof String s)) {
        return new Cached(raw, NONE, "not a list of names");
      }
      names[n++] = s;
    }
    return new Cached(raw, sortedShared(names, known), null);
  }

  /**
   * The names sorted by {@link ClientsSnapshot#ORDER}, each replaced by the equal instance in
   * {@code known} (sorted the same way) where there is one.
   */
  static String[] sortedShared(List<String> names, String[] known) {
    return sortedShared(names.toArray(new String[0]), known);
  }

  /** As {@link #sortedShared(List, String[])}, sorting {@code sorted} in place. */
  static String[] sortedShared(String[] sorted, String[] known) {
    ClientsSnapshot.sort(sorted);
    int k = 0;
    for (int i = 0; i < sorted.length; i++) {
      while (k < known.length && ClientsSnapshot.compare(known[k], sorted[i]) < 0) {
        k++;
      }
      if (k < known.length && known[k].equals(sorted[i])) {
        sorted[i] = known[k];
      }
    }
    return sorted;
  }
}
