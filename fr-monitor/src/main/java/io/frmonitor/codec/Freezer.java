package io.frmonitor.codec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a freshly decoded graph into immutable values and enforces the depth limit. Shared
 * sub-values (pickle's memo) are frozen once and their height remembered, so the walk stays linear;
 * a value that contains itself is refused as {@link DecodeError#TOO_DEEP}. Recursion never goes
 * deeper than the limit.
 *
 * <p>Thread safety: one instance per payload.
 */
final class Freezer {
  private final int maxDepth;
  private final IdentityHashMap<Object, Frozen> done = new IdentityHashMap<>();
  private final Set<Object> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

  private Freezer(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  static Object freeze(Object root, int maxDepth) throws PickleFailure {
    return new Freezer(maxDepth).visit(root, 0).value;
  }

  /** A frozen value and the depth of nesting below it. */
  private record Frozen(Object value, int height) {}

  private Frozen visit(Object v, int depth) throws PickleFailure {
    if (isAtom(v)) {
      return new Frozen(v, 0);
    }
    Frozen seen = done.get(v);
    if (seen != null) {
      checkDepth(depth + seen.height);
      return seen;
    }
    if (!inProgress.add(v)) {
      throw new PickleFailure(DecodeError.TOO_DEEP, "a value contains itself");
    }
    checkDepth(depth + 1);
    Frozen frozen = freezeContainer(v, depth);
    inProgress.remove(v);
    done.put(v, frozen);
    return frozen;
  }

  private Frozen freezeContainer(Object v, int depth) throws PickleFailure {
    if (v instanceof List<?> list) {
      Items items = items(list, depth);
      return new Frozen(Collections.unmodifiableList(items.values), items.height);
    }
    if (v instanceof PyTuple t) {
      Items items = items(t.items(), depth);
      return new Frozen(new PyTuple(items.values), items.height);
    }
    if (v instanceof Set<?> set) {
      Items items = items(new ArrayList<>(set), depth);
      return new Frozen(
          Collections.unmodifiableSet(new LinkedHashSet<>(items.values)), items.height);
    }
    if (v instanceof Map<?, ?> map) {
      return freezeMap(map, depth);
    }
    if (v instanceof Building.Array a) {
      return new Frozen(new NdArray(a.dtype, a.shape, a.size, a.nbytes), 1);
    }
    if (v instanceof Building.DType d) {
      return new Frozen(new NumpyDType(d.code, d.byteOrder), 1);
    }
    if (v instanceof Building.Instance i) {
      Items args = items(i.args, depth);
      Frozen state = visit(i.state, depth + 1);
      return new Frozen(
          new PyObject(i.type, args.values, state.value), Math.max(args.height, state.height + 1));
    }
    throw new PickleFailure(
        DecodeError.MALFORMED, "unexpected value " + v.getClass().getSimpleName());
  }

  private Frozen freezeMap(Map<?, ?> map, int depth) throws PickleFailure {
    Map<Object, Object> out = new LinkedHashMap<>();
    int height = 1;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Frozen key = visit(e.getKey(), depth + 1);
      Frozen value = visit(e.getValue(), depth + 1);
      out.put(key.value, value.value);
      height = Math.max(height, 1 + Math.max(key.height, value.height));
    }
    return new Frozen(Collections.unmodifiableMap(out), height);
  }

  private record Items(List<Object> values, int height) {}

  private Items items(List<?> source, int depth) throws PickleFailure {
    List<Object> values = new ArrayList<>(source.size());
    int height = 1;
    for (Object item : source) {
      Frozen f = visit(item, depth + 1);
      values.add(f.value);
      height = Math.max(height, 1 + f.height);
    }
    return new Items(values, height);
  }

  private void checkDepth(int depth) throws PickleFailure {
    if (depth > maxDepth) {
      throw new PickleFailure(
          DecodeError.TOO_DEEP,
          "nesting deeper than " + maxDepth + " (MONITORING_PAYLOAD_MAX_DEPTH)");
    }
  }

  private static boolean isAtom(Object v) {
    return v instanceof String
        || v instanceof Number
        || v instanceof Boolean
        || v instanceof PyNone
        || v instanceof PyBytes
        || v instanceof PyGlobal
        || v instanceof NumpyScalar
        || v instanceof NdArray
        || v instanceof NumpyDType;
  }
}
