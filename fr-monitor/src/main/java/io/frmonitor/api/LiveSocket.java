package io.frmonitor.api;

/**
 * The one WebSocket a {@link LiveConnection} writes to; a seam so its policy runs without Jetty.
 */
interface LiveSocket {
  /**
   * Queues a text message without blocking; {@code done} runs (on any thread) once it has been
   * written or has failed.
   */
  void send(String text, Runnable done);

  /** Closes with a status code and reason, dropping whatever is still queued. */
  void close(int code, String reason);
}
