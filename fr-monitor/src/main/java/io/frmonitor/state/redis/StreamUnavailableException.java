package io.frmonitor.state.redis;

/**
 * Redis cannot be reached, refused the connection (a wrong password, a user that may not select the
 * database) or failed as a whole; the message names the address and says why.
 */
final class StreamUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StreamUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
