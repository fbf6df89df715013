package io.frmonitor.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes pickle protocol 4 as CPython's {@code pickle.dumps(value, protocol=4)} does for the
 * fr-server's payloads: dicts with string keys, strings, ints, floats, bools, None, lists, bytes,
 * and NumPy arrays and float64 scalars as NumPy 1.x pickles them. Every string, bytes, list, dict,
 * tuple and global is memoized, as CPython does. The body is one frame, where CPython would put
 * bytes of 64 KiB or more outside frames: the same objects, a few bytes apart.
 */
final class Pickle {
  private static final int PROTO = 0x80;
  private static final int FRAME = 0x95;
  private static final int STOP = '.';
  private static final int MEMOIZE = 0x94;
  private static final int EMPTY_DICT = '}';
  private static final int EMPTY_LIST = ']';
  private static final int EMPTY_TUPLE = ')';
  private static final int MARK = '(';
  private static final int SETITEM = 's';
  private static final int SETITEMS = 'u';
  private static final int APPEND = 'a';
  private static final int APPENDS = 'e';
  private static final int TUPLE = 't';
  private static final int TUPLE1 = 0x85;
  private static final int TUPLE2 = 0x86;
  private static final int TUPLE3 = 0x87;
  private static final int SHORT_BINUNICODE = 0x8c;
  private static final int BINUNICODE = 'X';
  private static final int SHORT_BINBYTES = 'C';
  private static final int BINBYTES = 'B';
  private static final int BININT1 = 'K';
  private static final int BININT2 = 'M';
  private static final int BININT = 'J';
  private static final int LONG1 = 0x8a;
  private static final int BINFLOAT = 'G';
  private static final int NONE = 'N';
  private static final int NEWTRUE = 0x88;
  private static final int NEWFALSE = 0x89;
  private static final int STACK_GLOBAL = 0x93;
  private static final int REDUCE = 'R';
  private static final int BUILD = 'b';
  private static final int BATCH = 1000;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private Pickle() {}

  /** The pickle of {@code value}. */
  static byte[] dumps(Object value) {
    Pickle p = new Pickle();
    p.write(value);
    p.out.write(STOP);
    byte[] body = p.out.toByteArray();
    // CPython frames a body of 4 bytes or more (the STOP included), not a shorter one
    boolean framed = body.length >= 4;
    ByteBuffer b =
        ByteBuffer.allocate(2 + (framed ? 9 : 0) + body.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) PROTO).put((byte) 4);
    if (framed) {
      b.put((byte) FRAME).putLong(body.length);
    }
    return b.put(body).array();
  }

  private void write(@Nullable Object v) {
    if (v == null) {
      out.write(NONE);
    } else if (v instanceof Boolean b) {
      out.write(b ? NEWTRUE : NEWFALSE);
    } else if (v instanceof Integer i) {
      writeLong(i);
    } else if (v instanceof Long l) {
      writeLong(l);
    } else if (v instanceof Double d) {
      writeDouble(d);
    } else if (v instanceof String s) {
      writeString(s);
    } else if (v instanceof byte[] bytes) {
      writeBytes(bytes);
    } else if (v instanceof List<?> list) {
      writeList(list);
    } else if (v instanceof Map<?, ?> map) {
      writeDict(map);
    } else if (v instanceof NdArray a) {
      writeArray(a);
    } else if (v instanceof NpFloat64 f) {
      writeScalar(f);
    } else {
      throw new IllegalArgumentException("cannot pickle " + v.getClass());
    }
  }

  private void writeLong(long v) {
    if (v >= 0 && v < 0x100) {
      out.write(BININT1);
      out.write((int) v);
    } else if (v >= 0 && v < 0x10000) {
      out.write(BININT2);
      out.write((int) v & 0xff);
      out.write((int) (v >>> 8) & 0xff);
    } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
      out.write(BININT);
      writeLe32((int) v);
    } else {
      // LONG1: minimal two's-complement little-endian bytes
      byte[] big = java.math.BigInteger.valueOf(v).toByteArray();
      out.write(LONG1);
      out.write(big.length);
      for (int i = big.length - 1; i >= 0; i--) {
        out.write(big[i]);
      }
    }
  }

  private void writeDouble(double d) {
    out.write(BINFLOAT);
    out.writeBytes(ByteBuffer.allocate(8).putDouble(d).array());
  }

  private void writeString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (utf8.length < 0x100) {
      out.write(SHORT_BINUNICODE);
      out.write(utf8.length);
    } else {
      out.write(BINUNICODE);
      writeLe32(utf8.length);
    }
    out.writeBytes(utf8);
    out.write(MEMOIZE);
  }

  private void writeBytes(byte[] bytes) {
    writeBytesHeader(bytes.length);
    out.writeBytes(bytes);
    out.write(MEMOIZE);
  }

  private void writeBytesHeader(int length) {
    if (length < 0x100) {
      out.write(SHORT_BINBYTES);
      out.write(length);
    } else {
      out.write(BINBYTES);
      writeLe32(length);
    }
  }

  private void writeList(List<?> list) {
    out.write(EMPTY_LIST);
    out.write(MEMOIZE);
    if (list.size() == 1) {
      write(list.get(0));
      out.write(APPEND);
      return;
    }
    for (int start = 0; start < list.size(); start += BATCH) {
      out.write(MARK);
      list.subList(start, Math.min(list.size(), start + BATCH)).forEach(this::write);
      out.write(APPENDS);
    }
  }

  private void writeDict(Map<?, ?> map) {
    out.write(EMPTY_DICT);
    out.write(MEMOIZE);
    List<? extends Map.Entry<?, ?>> entries = List.copyOf(map.entrySet());
    if (entries.size() == 1) {
      write(entries.get(0).getKey());
      write(entries.get(0).getValue());
      out.write(SETITEM);
      return;
    }
    for (int start = 0; start < entries.size(); start += BATCH) {
      out.write(MARK);
      for (Map.Entry<?, ?> e : entries.subList(start, Math.min(entries.size(), start + BATCH))) {
        write(e.getKey());
        write(e.getValue());
      }
      out.write(SETITEMS);
    }
  }

  private void writeTuple(@Nullable Object... items) {
    if (items.length == 0) {
      out.write(EMPTY_TUPLE);
      return;
    }
    if (items.length > 3) {
      out.write(MARK);
    }
    for (Object item : items) {
      write(item);
    }
    out.write(
        switch (items.length) {
          case 1 -> TUPLE1;
          case 2 -> TUPLE2;
          case 3 -> TUPLE3;
          default -> TUPLE;
        });
    out.write(MEMOIZE);
  }

  private void writeGlobal(String module, String name) {
    writeString(module);
    writeString(name);
    out.write(STACK_GLOBAL);
    out.write(MEMOIZE);
  }

  /** {@code numpy.dtype(code, False, True)} with the state NumPy 1.x pickles. */
  private void writeDtype(String code) {
    writeGlobal("numpy", "dtype");
    writeTuple(code, false, true);
    out.write(REDUCE);
    out.write(MEMOIZE);
    String order = code.equals("u1") || code.equals("i1") || code.equals("b1") ? "|" : "<";
    writeTuple(3, order, null, null, null, -1, -1, 0);
    out.write(BUILD);
  }

  private void writeArray(NdArray a) {
    writeGlobal("numpy.core.multiarray", "_reconstruct");
    // (numpy.ndarray, (0,), b'b')
    writeGlobal("numpy", "ndarray");
    writeTuple(0);
    writeBytes(new byte[] {'b'});
    out.write(TUPLE3);
    out.write(MEMOIZE);
    out.write(REDUCE);
    out.write(MEMOIZE);
    // state: (1, shape, dtype, is_fortran, raw bytes)
    out.write(MARK);
    writeLong(1);
    writeTuple(a.shape().toArray());
    writeDtype(a.dtype());
    out.write(NEWFALSE);
    writeBytesHeader(a.size());
    a.writeTo(out);
    out.write(MEMOIZE);
    out.write(TUPLE);
    out.write(MEMOIZE);
    out.write(BUILD);
  }

  private void writeScalar(NpFloat64 f) {
    writeGlobal("numpy.core.multiarray", "scalar");
    writeDtype("f8");
    writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(f.value()).array());
    out.write(TUPLE2);
    out.write(MEMOIZE);
    out.write(REDUCE);
    out.write(MEMOIZE);
  }

  private void writeLe32(int v) {
    out.write(v & 0xff);
    out.write((v >>> 8) & 0xff);
    out.write((v >>> 16) & 0xff);
    out.write((v >>> 24) & 0xff);
  }
}
