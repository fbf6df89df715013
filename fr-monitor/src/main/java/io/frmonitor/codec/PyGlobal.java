package io.frmonitor.codec;

/**
 * A reference to a Python class or function by name ({@code numpy.dtype}). Inert: it is never
 * resolved, loaded or called.
 */
public record PyGlobal(String module, String name) {
  public String qualifiedName() {
    return module + "." + name;
  }
}
