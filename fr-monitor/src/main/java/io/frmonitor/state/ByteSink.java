package io.frmonitor.state;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A growable byte array that {@link StateWriter} encodes into: big-endian fixed-width fields,
 * unsigned LEB128 varints, zigzag varints, strings and maps as the format describes. Unsynchronized
 * and without per-byte stream calls, so that millions of points encode quickly.
 *
 * <p>Thread safety: none; one encoding owns it.
 */
final class ByteSink {
  /** The largest array a JVM reliably allocates. */
  private static final int MAX_SIZE = Integer.MAX_VALUE - 8;

  private byte[] buf;
  private int size;

  ByteSink(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  int size() {
    return size;
  }

  /** The array written into; bytes from {@link #size()} on are unused. */
  byte[] array() {
    return buf;
  }

  /** Empties the sink, keeping its array. */
  void reset() {
    size = 0;
  }

  private void ensure(int extra) {
    if (extra > buf.length - size) {
      long needed = (long) size + extra;
      if (needed > MAX_SIZE) {
        throw new IllegalStateException("state image too large: over " + MAX_SIZE + " bytes");
      }
      buf = Arrays.copyOf(buf, (int) Math.min(MAX_SIZE, Math.max(needed, 2L * buf.length)));
    }
  }

  void writeByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  void writeBytes(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  void writeLong(long v) {
    ensure(8);
    putLong(size, v);
    size += 8;
  }

  void writeInt(int v) {
    ensure(4);
    putInt(size, v);
    size += 4;
  }

  /** Overwrites 8 bytes at {@code at} with {@code v}, big-endian. */
  private void putLong(int at, long v) {
    for (int i = 7; i >= 0; i--) {
      buf[at + 7 - i] = (byte) (v >>> (8 * i));
    }
  }

  /** Overwrites 4 bytes at {@code at} with {@code v}, big-endian. */
  private void putInt(int at, int v) {
    for (int i = 3; i >= 0; i--) {
      buf[at + 3 - i] = (byte) (v >>> (8 * i));
    }
  }

  /** An unsigned LEB128 varint: 7 bits a byte, least significant first, high bit = more. */
  void writeVarLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  /** A signed value as a varint of its zigzag form (0, -1, 1, -2 … → 0, 1, 2, 3 …). */
  void writeZigZag(long v) {
    writeVarLong((v << 1) ^ (v >> 63));
  }

  void writeDouble(double v) {
    writeLong(Double.doubleToRawLongBits(v));
  }

  void writeBoolean(boolean b) {
    writeByte(b ? 1 : 0);
  }

  void writeInstant(Instant t) {
    writeZigZag(t.toEpochMilli());
  }

  void writeString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    writeVarLong(utf8.length);
    writeBytes(utf8);
  }

  /** A count, then each key and value, keys in ascending order so the bytes are reproducible. */
  void writeMap(Map<String, String> map) {
    List<Map.Entry<String, String>> entries = new ArrayList<>(map.entrySet());
    entries.sort(Map.Entry.comparingByKey());
    writeVarLong(entries.size());
    for (Map.Entry<String, String> e : entries) {
      writeString(e.getKey());
      writeString(e.getValue());
    }
  }
}
