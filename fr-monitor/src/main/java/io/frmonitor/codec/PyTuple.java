package io.frmonitor.codec;

import java.util.List;

/** A Python tuple; its items are immutable decoded values. */
public record PyTuple(List<Object> items) {
  public PyTuple {
    items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
  }

  public int size() {
    return items.size();
  }

  public Object get(int i) {
    return items.get(i);
  }
}
