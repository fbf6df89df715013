package io.frmonitor.state;

/**
 * Another process holds the state directory's lock: two instances must not write one state. The
 * message names the directory and, when known, the other process.
 */
public final class StateInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateInUseException(String message) {
    super(message);
  }
}
