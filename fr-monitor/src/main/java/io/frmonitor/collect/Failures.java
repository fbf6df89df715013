package io.frmonitor.collect;

/**
 * How a failure is told in a collector's status: the exception's kind and, when it has one, its
 * message — never {@code null}, never an empty string. A refused connection's message alone is
 * often empty; its kind ({@code ConnectException}) is what an operator needs.
 */
public final class Failures {
  private Failures() {}

  /** {@code ConnectException: Connection refused}, or {@code ConnectException} alone. */
  public static String describe(Throwable e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? kind : kind + ": " + message;
  }

  /**
   * The message of a failure fr-monitor raised itself (those name the endpoint and the kind of the
   * underlying failure already), or {@link #describe} when it has none.
   */
  public static String message(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? describe(e) : message;
  }

  /** The innermost cause: usually the one that says what really happened. */
  public static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
