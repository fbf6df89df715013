package io.frmonitor.state;

import java.util.ArrayList;
import java.util.List;

/**
 * The series section's body: times as deltas of deltas, values XORed with the previous value (see
 * {@link StateCodec} for the layout). A series sampled at a steady interval with a constant value
 * costs 2 bytes a point; a counter growing by small integers about 3.
 *
 * <p>Thread safety: stateless.
 */
final class SeriesCodec {
  /** The value byte that says "same bits as the previous value"; nothing follows it. */
  static final int SAME = 64;

  private SeriesCodec() {}

  /**
   * One series of the section (the section starts with their count, which the caller writes): its
   * name, point count, times and values.
   */
  static void write(ByteSink out, SeriesHistory s) {
    out.writeString(s.name());
    int n = s.size();
    out.writeVarLong(n);
    long prevTime = 0;
    long prevDelta = 0;
    for (int i = 0; i < n; i++) {
      long t = s.time(i);
      long delta = t - prevTime;
      out.writeZigZag(i == 0 ? t : delta - prevDelta);
      prevDelta = i == 0 ? 0 : delta;
      prevTime = t;
    }
    long prevBits = 0;
    for (int i = 0; i < n; i++) {
      long bits = Double.doubleToRawLongBits(s.value(i));
      long xor = bits ^ prevBits;
      if (xor == 0) {
        out.writeByte(SAME);
      } else {
        int zeros = Long.numberOfTrailingZeros(xor);
        out.writeByte(zeros);
        out.writeVarLong(xor >>> zeros);
      }
      prevBits = bits;
    }
  }

  static List<SeriesHistory> read(ByteSource in) throws StateFormatException {
    int count = in.readCount("series");
    List<SeriesHistory> series = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      String name = in.readString();
      // each point takes at least two bytes, a time and a value
      int n = in.readCount("points of series \"" + name + "\"");
      long[] times = readTimes(in, n);
      double[] values = readValues(in, n);
      series.add(new SeriesHistory(name, times, values));
    }
    return series;
  }

  private static long[] readTimes(ByteSource in, int n) throws StateFormatException {
    long[] times = new long[n];
    long prevTime = 0;
    long prevDelta = 0;
    for (int i = 0; i < n; i++) {
      long z = in.readZigZag();
      long t = i == 0 ? z : prevTime + prevDelta + z;
      prevDelta = i == 0 ? 0 : t - prevTime;
      times[i] = t;
      prevTime = t;
    }
    return times;
  }

  private static double[] readValues(ByteSource in, int n) throws StateFormatException {
    double[] values = new double[n];
    long prevBits = 0;
    for (int i = 0; i < n; i++) {
      int zeros = in.readByte();
      long bits = prevBits;
      if (zeros != SAME) {
        if (zeros > SAME) {
          throw in.corrupt("value byte " + zeros + " is over " + SAME);
        }
        long shifted = in.readVarLong();
        long xor = shifted << zeros;
        if (xor >>> zeros != shifted) {
          throw in.corrupt("value overflows 64 bits");
        }
        bits ^= xor;
      }
      values[i] = Double.longBitsToDouble(bits);
      prevBits = bits;
    }
    return values;
  }
}
