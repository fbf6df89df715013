package io.frmonitor.codec;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The pickle memo. Picklers number memo entries 0, 1, 2... (MEMOIZE always does), so entries live
 * in a plain array; an index a real pickle cannot have (more than one per payload byte) goes to a
 * map, so a crafted index never makes the array large. A list of 100,000 client names thus costs
 * one array slot per name instead of a boxed key and a map node.
 *
 * <p>Not thread-safe; one per payload.
 */
final class Memo {
  private final int arrayLimit;
  private @Nullable Object[] slots = new Object[16];
  private int size;
  private @Nullable Map<Long, Object> sparse;

  Memo(int payloadLength) {
    this.arrayLimit = payloadLength;
  }

  int size() {
    return size;
  }

  void put(long index, Object value) {
    if (index >= 0 && index < arrayLimit) {
      int i = (int) index;
      if (i >= slots.length) {
        slots = Arrays.copyOf(slots, Math.max(i + 1, Math.min(arrayLimit, slots.length * 2)));
      }
      if (slots[i] == null) {
        size++;
      }
      slots[i] = value;
      return;
    }
    if (sparse == null) {
      sparse = new HashMap<>();
    }
    if (sparse.put(index, value) == null) {
      size++;
    }
  }

  /** The entry, or null when never set. */
  @Nullable Object get(long index) {
    if (index >= 0 && index < slots.length) {
      return slots[(int) index];
    }
    return sparse == null ? null : sparse.get(index);
  }
}
