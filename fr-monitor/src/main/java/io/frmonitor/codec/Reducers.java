package io.frmonitor.codec;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What REDUCE, NEWOBJ and BUILD produce. A short list of functions is understood as data — the
 * NumPy array, dtype and scalar constructors (NumPy 1 {@code numpy.core.*} and NumPy 2 {@code
 * numpy._core.*} names), {@code _codecs.encode} (protocol 2's way of writing bytes), {@code set},
 * {@code frozenset}, {@code bytearray} — everything else becomes an inert instance. Nothing is
 * looked up or called.
 */
final class Reducers {
  private Reducers() {}

  static Object reduce(Object callable, PyTuple args) throws PickleFailure {
    if (!(callable instanceof PyGlobal g)) {
      return new Building.Instance("<call>", args.items());
    }
    return switch (g.qualifiedName()) {
      case "numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct" ->
          new Building.Array();
      case "numpy.core.numeric._frombuffer", "numpy._core.numeric._frombuffer" -> fromBuffer(args);
      case "numpy.dtype" -> new Building.DType(string(arg(args, 0), "dtype code"));
      case "numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar" -> scalar(args);
      case "_codecs.encode" -> encode(args);
      case "builtins.set", "__builtin__.set", "builtins.frozenset", "__builtin__.frozenset" ->
          args.size() == 0 ? new LinkedHashSet<>() : setFrom(arg(args, 0));
      case "builtins.bytearray", "__builtin__.bytearray", "builtins.bytes", "__builtin__.bytes" ->
          args.size() == 0 ? new PyBytes(new byte[0]) : bytesFrom(args);
      case "copyreg._reconstructor", "copy_reg._reconstructor" ->
          new Building.Instance(typeName(arg(args, 0)), List.of());
      default -> new Building.Instance(g.qualifiedName(), args.items());
    };
  }

  /** NEWOBJ / INST / OBJ: an instance of {@code type}, kept as inert data. */
  static Object instance(Object type, PyTuple args) {
    return new Building.Instance(typeName(type), args.items());
  }

  /** BUILD: gives {@code target} its state. State for plain containers is ignored. */
  static void build(Object target, Object state) throws PickleFailure {
    if (target instanceof Building.Array a) {
      buildArray(a, state);
    } else if (target instanceof Building.DType d) {
      if (state instanceof PyTuple t && t.size() > 1 && t.get(1) instanceof String order) {
        d.byteOrder = order;
      }
    } else if (target instanceof Building.Instance i) {
      i.state = state;
    }
  }

  /** {@code ndarray.__setstate__((version, shape, dtype, is_fortran, rawdata))}. */
  private static void buildArray(Building.Array a, Object state) throws PickleFailure {
    if (!(state instanceof PyTuple t) || t.size() < 5) {
      throw malformed("ndarray state is not a 5-tuple");
    }
    a.shape = shape(t.get(1));
    a.size = product(a.shape);
    a.dtype = dtypeCode(t.get(2));
    Object raw = t.get(4);
    a.nbytes =
        raw instanceof PyBytes b
            ? b.size()
            : raw instanceof String s ? s.length() : raw instanceof List<?> l ? l.size() : 0;
  }

  /** {@code _frombuffer(buffer, dtype, shape, order)}: protocol 5's in-band arrays. */
  private static Object fromBuffer(PyTuple args) throws PickleFailure {
    Building.Array a = new Building.Array();
    a.nbytes = arg(args, 0) instanceof PyBytes b ? b.size() : 0;
    a.dtype = dtypeCode(arg(args, 1));
    a.shape = shape(arg(args, 2));
    a.size = product(a.shape);
    return a;
  }

  private static Object scalar(PyTuple args) throws PickleFailure {
    Object dtype = arg(args, 0);
    String code = dtypeCode(dtype);
    boolean bigEndian = dtype instanceof Building.DType d && d.byteOrder.equals(">");
    byte[] raw =
        args.size() > 1 && args.get(1) instanceof PyBytes b
            ? b.toByteArray()
            : args.size() > 1 && args.get(1) instanceof String s
                ? s.getBytes(StandardCharsets.ISO_8859_1)
                : new byte[0];
    ByteBuffer buf =
        ByteBuffer.wrap(raw).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    return new NumpyScalar(code, scalarValue(code, buf));
  }

  private static Object scalarValue(String code, ByteBuffer buf) {
    int n = buf.remaining();
    return switch (code) {
      case "f8" -> n >= 8 ? (Object) buf.getDouble(0) : PyNone.NONE;
      case "f4" -> n >= 4 ? (Object) (double) buf.getFloat(0) : PyNone.NONE;
      case "f2" -> n >= 2 ? (Object) halfToDouble(buf.getShort(0)) : PyNone.NONE;
      case "i8" -> n >= 8 ? (Object) buf.getLong(0) : PyNone.NONE;
      case "i4" -> n >= 4 ? (Object) (long) buf.getInt(0) : PyNone.NONE;
      case "i2" -> n >= 2 ? (Object) (long) buf.getShort(0) : PyNone.NONE;
      case "i1" -> n >= 1 ? (Object) (long) buf.get(0) : PyNone.NONE;
      case "u8" ->
          n >= 8
              ? SafeUnpickler.normalize(new BigInteger(Long.toUnsignedString(buf.getLong(0))))
              : PyNone.NONE;
      case "u4" -> n >= 4 ? (Object) Integer.toUnsignedLong(buf.getInt(0)) : PyNone.NONE;
      case "u2" -> n >= 2 ? (Object) (long) Short.toUnsignedInt(buf.getShort(0)) : PyNone.NONE;
      case "u1" -> n >= 1 ? (Object) (long) Byte.toUnsignedInt(buf.get(0)) : PyNone.NONE;
      case "b1" -> n >= 1 ? (Object) (buf.get(0) != 0) : PyNone.NONE;
      default -> PyNone.NONE;
    };
  }

  /** IEEE 754 binary16 to double (Java 17 has no Float.float16ToFloat). */
  static double halfToDouble(short half) {
    int bits = half & 0xffff;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    double magnitude;
    if (exponent == 0) {
      magnitude = mantissa * 0x1p-24;
    } else if (exponent == 31) {
      magnitude = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    } else {
      magnitude = (1 + mantissa / 1024.0) * Math.scalb(1.0, exponent - 15);
    }
    return (bits & 0x8000) != 0 ? -magnitude : magnitude;
  }

  /** {@code _codecs.encode(text, "latin1")}: how protocol 2 writes {@code bytes}. */
  private static Object encode(PyTuple args) throws PickleFailure {
    String text = string(arg(args, 0), "text to encode");
    String encoding = args.size() > 1 && args.get(1) instanceof String e ? e : "utf-8";
    return switch (encoding.toLowerCase(java.util.Locale.ROOT)) {
      case "latin1", "latin-1", "iso-8859-1" ->
          new PyBytes(text.getBytes(StandardCharsets.ISO_8859_1));
      case "utf-8", "utf8" -> new PyBytes(text.getBytes(StandardCharsets.UTF_8));
      default -> new Building.Instance("_codecs.encode", args.items());
    };
  }

  private static Object bytesFrom(PyTuple args) throws PickleFailure {
    Object source = arg(args, 0);
    if (source instanceof PyBytes b) {
      return b;
    }
    if (source instanceof String s) {
      return new PyBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
    if (source instanceof List<?> l) {
      byte[] out = new byte[l.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = l.get(i) instanceof Long v ? (byte) v.longValue() : 0;
      }
      return new PyBytes(out);
    }
    return new Building.Instance("builtins.bytearray", args.items());
  }

  private static Set<Object> setFrom(Object iterable) throws PickleFailure {
    Set<Object> set = new LinkedHashSet<>();
    if (iterable instanceof List<?> l) {
      for (Object item : l) {
        set.add(Hashable.check(item));
      }
    } else if (iterable instanceof PyTuple t) {
      for (Object item : t.items()) {
        set.add(Hashable.check(item));
      }
    } else {
      throw malformed("set() of a non-sequence");
    }
    return set;
  }

  private static List<Long> shape(Object o) throws PickleFailure {
    if (!(o instanceof PyTuple t)) {
      throw malformed("array shape is not a tuple");
    }
    List<Long> shape = new ArrayList<>(t.size());
    for (Object d : t.items()) {
      if (!(d instanceof Long v) || v < 0) {
        throw malformed("array dimension is not a non-negative integer");
      }
      shape.add(v);
    }
    return shape;
  }

  private static long product(List<Long> shape) throws PickleFailure {
    long size = 1;
    try {
      for (long d : shape) {
        size = Math.multiplyExact(size, d);
      }
    } catch (ArithmeticException e) {
      throw malformed("array size overflows");
    }
    return size;
  }

  private static String dtypeCode(Object o) {
    if (o instanceof Building.DType d) {
      return d.code;
    }
    if (o instanceof String s) {
      return s;
    }
    return "?";
  }

  private static String typeName(Object type) {
    return type instanceof PyGlobal g ? g.qualifiedName() : "<unknown>";
  }

  private static Object arg(PyTuple args, int i) throws PickleFailure {
    if (args.size() <= i) {
      throw malformed("missing argument " + i);
    }
    return args.get(i);
  }

  private static String string(Object o, String what) throws PickleFailure {
    if (!(o instanceof String s)) {
      throw malformed(what + " is not a string");
    }
    return s;
  }

  private static PickleFailure malformed(String message) {
    return new PickleFailure(DecodeError.MALFORMED, message);
  }
}
