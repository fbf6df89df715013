package io.frmonitor.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client (the JDK's) that queues every text message it receives as JSON, and the
 * close code and reason.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();

  /** Completes with the close code and reason, or {@code error ...}. */
  public final CompletableFuture<String> closed = new CompletableFuture<>();

  private volatile boolean reading;
  private WebSocket socket;

  private WsClient(boolean reading) {
    this.reading = reading;
  }

  /**
   * Connects, optionally with {@code Authorization: Bearer <bearer>}.
   *
   * @param reading false for a client that takes one message and then stops reading
   */
  public static WsClient connect(URI uri, String bearer, boolean reading) {
    return connect(uri, bearer, reading, null);
  }

  /** Connects as a browser page from {@code origin} would (null: as a program, no Origin). */
  public static WsClient connect(URI uri, String bearer, boolean reading, String origin) {
    WsClient client = new WsClient(reading);
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    if (origin != null) {
      builder.header("Origin", origin);
    }
    if (bearer != null) {
      builder.header("Authorization", "Bearer " + bearer);
    }
    client.socket = builder.buildAsync(uri, client).join();
    return client;
  }

  public static WsClient connect(URI uri) {
    return connect(uri, null, true);
  }

  /** The next message, failing after 5 s. */
  public JsonNode next() throws InterruptedException {
    JsonNode m = messages.poll(5, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message within 5 s");
    }
    return m;
  }

  /** The next message within {@code wait}, or null. */
  public JsonNode nextWithin(Duration wait) throws InterruptedException {
    return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A client that had stopped reading reads again, everything. */
  public void resumeReading() {
    reading = true;
    socket.request(Long.MAX_VALUE);
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        messages.add(JSON.readTree(partial.toString()));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
      partial.setLength(0);
    }
    if (reading || !last) {
      webSocket.request(1);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete("error " + error);
  }

  @Override
  public void close() {
    socket.abort();
  }
}
