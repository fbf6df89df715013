package io.frmonitor.state;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the fields {@link ByteSink} writes from a bounded range of a state file's bytes. Every
 * failure — a read past the range's end, an over-long varint, a count larger than the bytes left,
 * malformed UTF-8, a duplicate map key — is a {@link StateFormatException} saying {@code corrupt:},
 * where in the file and in what.
 *
 * <p>Thread safety: none; one decoding owns it.
 */
final class ByteSource {
  private final byte[] buf;
  private final int limit;
  private final String where;
  private int pos;

  /**
   * @param where what the range holds, for messages ("series section")
   */
  ByteSource(byte[] buf, int from, int to, String where) {
    this.buf = buf;
    this.pos = from;
    this.limit = to;
    this.where = where;
  }

  int remaining() {
    return limit - pos;
  }

  /** A corruption found at the current position. */
  StateFormatException corrupt(String what) {
    return new StateFormatException(
        "corrupt: " + where + ": " + what + " (at byte " + pos + " of the file)");
  }

  /** The next {@code length} bytes as a range of their own; this one moves past them. */
  ByteSource slice(long length, String sliceWhere) throws StateFormatException {
    if (length < 0 || length > remaining()) {
      throw corrupt("length " + length + " runs past the end (" + remaining() + " bytes left)");
    }
    ByteSource s = new ByteSource(buf, pos, pos + (int) length, sliceWhere);
    pos += (int) length;
    return s;
  }

  private void need(int n) throws StateFormatException {
    if (n > remaining()) {
      throw corrupt("ends early (" + n + " more bytes needed, " + remaining() + " left)");
    }
  }

  int readByte() throws StateFormatException {
    need(1);
    return buf[pos++] & 0xFF;
  }

  long readLong() throws StateFormatException {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos++] & 0xFFL);
    }
    return v;
  }

  long readUnsignedInt() throws StateFormatException {
    need(4);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (buf[pos++] & 0xFFL);
    }
    return v;
  }

  /** An unsigned LEB128 varint of at most 10 bytes, the tenth holding only the top bit. */
  long readVarLong() throws StateFormatException {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = readByte();
      if (shift == 63 && b > 1) {
        throw corrupt("varint overflows 64 bits");
      }
      v |= (long) (b & 0x7F) << shift;
      if (b < 0x80) {
        return v;
      }
    }
    throw corrupt("varint longer than 10 bytes");
  }

  long readZigZag() throws StateFormatException {
    long z = readVarLong();
    return (z >>> 1) ^ -(z & 1);
  }

  /**
   * A count of things each taking at least one byte, so never more than the bytes left: a corrupt
   * count cannot make the reader allocate more than the file's size warrants.
   */
  int readCount(String what) throws StateFormatException {
    long n = readVarLong();
    if (n < 0 || n > remaining()) {
      throw corrupt(
          "count of " + what + " " + Long.toUnsignedString(n) + " exceeds the bytes left");
    }
    return (int) n;
  }

  double readDouble() throws StateFormatException {
    return Double.longBitsToDouble(readLong());
  }

  /** A byte that must be 0 (false, absent) or 1 (true, present). */
  boolean readBoolean(String what) throws StateFormatException {
    int b = readByte();
    if (b > 1) {
      throw corrupt(what + " byte is " + b + ", not 0 or 1");
    }
    return b == 1;
  }

  Instant readInstant() throws StateFormatException {
    return Instant.ofEpochMilli(readZigZag());
  }

  String readString() throws StateFormatException {
    int n = readCount("string bytes");
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(buf, pos, n))
              .toString();
      pos += n;
      return s;
    } catch (CharacterCodingException e) {
      throw corrupt("string is not valid UTF-8");
    }
  }

  Map<String, String> readMap() throws StateFormatException {
    int n = readCount("map entries");
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String key = readString();
      if (map.put(key, readString()) != null) {
        throw corrupt("duplicate key \"" + key + "\"");
      }
    }
    return map;
  }
}
