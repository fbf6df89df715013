package io.frmonitor.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The trends section's body (tag 6): per series its name, minute count, the minutes as deltas (1
 * byte a minute while they follow each other), then the minimums, averages and maximums, each
 * {@code float} XORed with the previous one of its kind — one byte of trailing zeros (32: the same
 * bits, nothing follows), then a varint of the XOR shifted right by them.
 *
 * <p>Thread safety: stateless.
 */
final class TrendCodec {
  /** The value byte that says "same bits as the previous value". */
  static final int SAME = 32;

  private TrendCodec() {}

  /** One trend of the section (the caller writes their count first). */
  static void write(ByteSink out, TrendHistory t) {
    out.writeString(t.name());
    int n = t.size();
    out.writeVarLong(n);
    long prev = 0;
    for (int i = 0; i < n; i++) {
      out.writeZigZag(t.minute(i) - prev);
      prev = t.minute(i);
    }
    for (int kind = 0; kind < 3; kind++) {
      int prevBits = 0;
      for (int i = 0; i < n; i++) {
        float v = kind == 0 ? t.min(i) : kind == 1 ? t.avg(i) : t.max(i);
        int bits = Float.floatToRawIntBits(v);
        int xor = bits ^ prevBits;
        if (xor == 0) {
          out.writeByte(SAME);
        } else {
          int zeros = Integer.numberOfTrailingZeros(xor);
          out.writeByte(zeros);
          out.writeVarLong(Integer.toUnsignedLong(xor) >>> zeros);
        }
        prevBits = bits;
      }
    }
  }

  static List<TrendHistory> read(ByteSource in) throws StateFormatException {
    int count = in.readCount("trends");
    List<TrendHistory> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      String name = in.readString();
      int n = in.readCount("minutes of trend \"" + name + "\"");
      int[] minutes = new int[n];
      long prev = 0;
      for (int i = 0; i < n; i++) {
        long m = prev + in.readZigZag();
        if (m != (int) m) {
          throw in.corrupt("minute " + m + " out of range");
        }
        minutes[i] = (int) m;
        prev = m;
      }
      float[][] values = new float[3][n];
      for (int kind = 0; kind < 3; kind++) {
        int prevBits = 0;
        for (int i = 0; i < n; i++) {
          int zeros = in.readByte();
          int bits = prevBits;
          if (zeros != SAME) {
            if (zeros > SAME) {
              throw in.corrupt("value byte " + zeros + " is over " + SAME);
            }
            long shifted = in.readVarLong();
            long xor = shifted << zeros;
            if ((xor >>> 32) != 0 || xor >>> zeros != shifted) {
              throw in.corrupt("value overflows 32 bits");
            }
            bits ^= (int) xor;
          }
          values[kind][i] = Float.intBitsToFloat(bits);
          prevBits = bits;
        }
      }
      out.add(new TrendHistory(name, minutes, values[0], values[1], values[2]));
    }
    return out;
  }
}
