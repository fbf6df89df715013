package io.frmonitor.codec;

import java.util.List;

/**
 * An instance of a Python class fr-monitor does not know, kept as inert data: the class name, the
 * constructor arguments and the state the pickle gave it. Nothing of it runs.
 */
public record PyObject(String type, List<Object> args, Object state) {
  public PyObject {
    args = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
  }
}
