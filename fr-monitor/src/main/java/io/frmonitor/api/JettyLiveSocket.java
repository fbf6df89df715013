package io.frmonitor.api;

import java.time.Duration;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** A {@link LiveSocket} over a Jetty WebSocket session; Jetty queues sends without blocking. */
final class JettyLiveSocket implements LiveSocket {
  /** How long a closed client has to read what is queued, its close frame included. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

  private final Session session;

  JettyLiveSocket(Session session) {
    this.session = session;
  }

  @Override
  public void send(String text, Runnable done) {
    session.sendText(text, Callback.from(done, failure -> done.run()));
  }

  @Override
  public void close(int code, String reason) {
    // a reader that is not reading would not take the close frame either: the close is sent,
    // then the connection dropped
    session.close(
        code, reason, Callback.from(session::disconnect, failure -> session.disconnect()));
  }
}
