package io.frmonitor.codec;

import java.math.BigInteger;

/**
 * Admits only immutable values as dict keys and set items, as Python does. A crafted pickle could
 * otherwise use a list that contains itself as a key, whose hash code would never return.
 */
final class Hashable {
  private static final int MAX_TUPLE_DEPTH = 16;

  private Hashable() {}

  static Object check(Object key) throws PickleFailure {
    if (!isHashable(key, 0)) {
      throw new PickleFailure(
          DecodeError.MALFORMED,
          "unhashable dict key or set item: " + key.getClass().getSimpleName());
    }
    return key;
  }

  private static boolean isHashable(Object v, int depth) {
    if (v instanceof String
        || v instanceof Long
        || v instanceof BigInteger
        || v instanceof Double
        || v instanceof Boolean
        || v instanceof PyNone
        || v instanceof PyBytes
        || v instanceof PyGlobal
        || v instanceof NumpyScalar) {
      return true;
    }
    if (v instanceof PyTuple t && depth < MAX_TUPLE_DEPTH) {
      for (Object item : t.items()) {
        if (!isHashable(item, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
