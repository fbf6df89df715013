package io.frmonitor.collect.redis;

import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.model.ClientFlag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the raw field values into name lists per flag. A field whose value did not change since the
 * last cycle is not decoded again (the fr-server rewrites its lists often but rarely changes them),
 * so a steady state with 100,000 clients costs one comparison per field.
 *
 * <p>Thread safety: used by one poller thread.
 */
final class StatusDecoder {
  private final PayloadDecoder decoder;
  private final Map<ClientFlag, Cached> cache = new EnumMap<>(ClientFlag.class);

  StatusDecoder(PayloadDecoder decoder) {
    this.decoder = decoder;
  }

  /** Names per flag, the fields that could not be read (with why), and whether anything changed. */
  record Decoded(Map<ClientFlag, List<String>> members, List<String> problems, boolean changed) {}

  private record Cached(FieldValue raw, List<String> names, String problem) {}

  Decoded decode(Map<String, FieldValue> fields) {
    Map<ClientFlag, List<String>> members = new EnumMap<>(ClientFlag.class);
    List<String> problems = new ArrayList<>();
    boolean changed = false;
    for (ClientFlag flag : ClientFlag.values()) {
      FieldValue raw = fields.get(flag.field());
      Cached before = cache.get(flag);
      Cached now;
      if (raw == null) {
        now = null;
      } else if (before != null && before.raw.equals(raw)) {
        now = before;
      } else {
        now = decodeField(raw);
      }
      changed |= !sameEntry(now, before);
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

  /** Identity on purpose: the cache hands back the very entry when the field is unchanged. */
  @SuppressWarnings("ReferenceEquality")
  private static boolean sameEntry(Cached a, Cached b) {
    return a == b;
  }

  private Cached decodeField(FieldValue raw) {
    if (raw instanceof FieldValue.Members m) {
      return new Cached(raw, m.names(), null);
    }
    if (raw instanceof FieldValue.WrongType w) {
      return new Cached(
          raw, List.of(), "key is a " + w.type() + ", expected a set, list or string");
    }
    DecodeResult result = decoder.decode(((FieldValue.Encoded) raw).bytes());
    if (result instanceof DecodeResult.Failed f) {
      return new Cached(
          raw, List.of(), f.error().name().toLowerCase(java.util.Locale.ROOT) + ", " + f.detail());
    }
    Object value = ((DecodeResult.Decoded) result).value();
    if (!(value instanceof Collection<?> items)) {
      return new Cached(raw, List.of(), "not a list of names");
    }
    List<String> names = new ArrayList<>(items.size());
    for (Object item : items) {
      if (!(item instanceof String s)) {
        return new Cached(raw, List.of(), "not a list of names");
      }
      names.add(s);
    }
    return new Cached(raw, names, null);
  }
}
