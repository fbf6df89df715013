package io.frmonitor.simulator;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * A NumPy array to pickle the way NumPy 1.x does ({@code numpy.core.multiarray._reconstruct}).
 * Immutable: the bytes are copied in and never handed out.
 */
final class NdArray {
  private final String dtype;
  private final List<Integer> shape;
  private final byte[] data;

  /**
   * @param dtype a NumPy type code such as {@code u1} (uint8) or {@code f8} (float64)
   * @param shape the dimensions
   * @param data the raw C-order bytes, {@code product(shape) * itemsize} long
   */
  NdArray(String dtype, List<Integer> shape, byte[] data) {
    this.dtype = dtype;
    this.shape = List.copyOf(shape);
    this.data = data.clone();
  }

  /** A BGR image of {@code h × w × 3} bytes filled with one grey level, as a worker's crop. */
  static NdArray image(int h, int w, int grey) {
    byte[] data = new byte[h * w * 3];
    Arrays.fill(data, (byte) grey);
    return new NdArray("u1", List.of(h, w, 3), data);
  }

  String dtype() {
    return dtype;
  }

  List<Integer> shape() {
    return shape;
  }

  /** How many bytes the array holds. */
  int size() {
    return data.length;
  }

  /** Hands the bytes to {@code sink} without exposing the array. */
  void writeTo(ByteArrayOutputStream sink) {
    sink.write(data, 0, data.length);
  }
}
