package io.frmonitor.codec;

import java.util.Arrays;

/** Python {@code bytes} or {@code bytearray}, immutable: its content never leaves uncopied. */
public final class PyBytes {
  private final byte[] bytes;

  /**
   * Takes ownership of {@code owned}: every caller (in this package) passes an array it has just
   * made and keeps no reference to. Not copying again matters for NumPy arrays, whose raw bytes (a
   * 173 KB face crop in every face result) would otherwise be copied twice per message.
   */
  PyBytes(byte[] owned) {
    this.bytes = owned;
  }

  public int size() {
    return bytes.length;
  }

  /** A copy of the content. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PyBytes other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "PyBytes[" + bytes.length + " bytes]";
  }
}
