package io.frmonitor.family;

/** A query parameter a family refuses; the API answers 400 with this message. */
public final class BadQueryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public BadQueryException(String message) {
    super(message);
  }
}
