package io.frmonitor.codec;

import java.util.List;

/**
 * A placeholder for a NumPy array: its element type (NumPy's type code without byte order, e.g.
 * {@code u1}, {@code f4}), shape and size; the element data itself is dropped.
 *
 * @param size number of elements
 * @param nbytes bytes of element data the pickle carried
 */
public record NdArray(String dtype, List<Long> shape, long size, long nbytes) {
  public NdArray {
    shape = List.copyOf(shape);
  }
}
