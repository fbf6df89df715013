package io.frmonitor.state;

/**
 * A state file that cannot be read as fr-monitor's: truncated, corrupt, foreign or of a format
 * version this build does not know. The message says which, in words an operator can act on.
 */
public final class StateFormatException extends Exception {
  private static final long serialVersionUID = 1L;

  public StateFormatException(String message) {
    super(message);
  }

  public StateFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
