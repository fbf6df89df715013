package io.frmonitor.config;

/** Where the HTTP server listens, and who may read it. */
public record HttpSettings(String host, int port, ApiAccess access) {
  /** Listening on {@code host:port} with no token and no cross-origin access. */
  public HttpSettings(String host, int port) {
    this(host, port, ApiAccess.OPEN);
  }
}
