package io.frmonitor.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Mutable stand-ins used while a pickle is being run, because BUILD fills objects in after they
 * were created (and other values may already refer to them). {@link Freezer} turns each into its
 * immutable value at the end.
 */
final class Building {
  private Building() {}

  /** A NumPy array from {@code _reconstruct}, completed by BUILD. */
  static final class Array {
    String dtype = "?";
    List<Long> shape = List.of();
    long size;
    long nbytes;
  }

  /** A NumPy dtype; BUILD sets its byte order. */
  static final class DType {
    final String code;
    String byteOrder = "|";

    DType(String code) {
      this.code = code;
    }
  }

  /** An instance of an unknown class. */
  static final class Instance {
    final String type;
    final List<Object> args;
    Object state = PyNone.NONE;

    Instance(String type, List<Object> args) {
      this.type = type;
      this.args = new ArrayList<>(args);
    }
  }
}
