package io.frmonitor.codec;

/** Python's {@code None} (and JSON's {@code null}): a value, so collections never hold null. */
public enum PyNone {
  NONE;

  @Override
  public String toString() {
    return "None";
  }
}
