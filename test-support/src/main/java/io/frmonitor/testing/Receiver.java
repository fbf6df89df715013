package io.frmonitor.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on a free loopback port: records every request, answers with the statuses it
 * is told (then 200), and can hang until released. Thread-safe.
 */
public final class Receiver implements AutoCloseable {
  /** One request as received. */
  public record Request(
      String method, String path, String query, String authorization, String type, String body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private volatile CountDownLatch hang = new CountDownLatch(0);
  private volatile String errorBody = "";

  private Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static Receiver start() throws IOException {
    return new Receiver();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public URI url(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  /** The next responses' statuses, in order; 200 after them. */
  public synchronized void respond(Integer... next) {
    statuses.addAll(List.of(next));
  }

  /** The body of non-2xx responses. */
  public void errorBody(String body) {
    errorBody = body;
  }

  /** Requests from now on are recorded, then left unanswered until {@link #release}. */
  public void hang() {
    hang = new CountDownLatch(1);
  }

  public void release() {
    hang.countDown();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              String.valueOf(exchange.getRequestURI().getRawQuery()),
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
              String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
              body));
      if (!hang.await(60, TimeUnit.SECONDS)) {
        return;
      }
      int status = nextStatus();
      byte[] answer = (status / 100 == 2 ? "" : errorBody).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized int nextStatus() {
    Integer next = statuses.pollFirst();
    return next == null ? 200 : next;
  }
}
