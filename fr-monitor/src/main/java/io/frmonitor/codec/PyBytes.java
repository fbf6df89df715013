package io.frmonitor.codec;

import java.util.Arrays;

/** Python {@code bytes} or {@code bytearray}, held as an immutable copy. */
public final class PyBytes {
  private final byte[] bytes;

  PyBytes(byte[] bytes) {
    this.bytes = bytes.clone();
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
