package io.frmonitor.app;

import io.frmonitor.config.HttpSettings;
import io.frmonitor.config.Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * {@code fr-monitor self-test}: runs a throw-away instance on a free loopback port, waits until it
 * is ready and requests every endpoint once. A smoke test for a fresh install; the launcher also
 * uses it to record the class-data-sharing archive that makes later starts faster.
 */
final class SelfTest {
  private static final Duration READY_LIMIT = Duration.ofSeconds(30);

  private SelfTest() {}

  static int run(Settings settings, PrintStream out, PrintStream err) {
    Instant start = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    try (Service service =
        Service.start(
            settings.withHttp(new HttpSettings("127.0.0.1", 0)).withoutState(),
            Clock.systemUTC(),
            start)) {
      HttpClient client = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + service.port();
      if (!awaitReady(client, base)) {
        err.println("fr-monitor self-test: not ready within " + READY_LIMIT.toSeconds() + "s");
        return 1;
      }
      int failures = 0;
      for (String path : service.paths()) {
        boolean socket = path.startsWith("/ws/");
        int status =
            socket ? snapshotOver(client, base + path) : get(client, base + path).statusCode();
        boolean fine =
            status == 200
                || (socket && status == 101)
                || (path.equals("/prometheus") && status == 404);
        out.printf("%-16s %d%s%n", path, status, fine ? "" : "  FAILED");
        failures += fine ? 0 : 1;
      }
      return failures == 0 ? 0 : 1;
    } catch (IOException e) {
      err.println("fr-monitor self-test: " + e);
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static boolean awaitReady(HttpClient client, String base)
      throws IOException, InterruptedException {
    Instant until = Instant.now().plus(READY_LIMIT);
    while (Instant.now().isBefore(until)) {
      if (get(client, base + "/readyz").statusCode() == 200) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  /**
   * Opens the WebSocket and waits for its first message: 101 when that is a snapshot, 0 when the
   * socket could not be opened or said something else.
   */
  private static int snapshotOver(HttpClient client, String url) throws InterruptedException {
    CompletableFuture<String> first = new CompletableFuture<>();
    WebSocket.Listener listener =
        new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public @Nullable CompletionStage<?> onText(
              WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              first.complete(text.toString());
            }
            ws.request(1);
            return null;
          }
        };
    try {
      WebSocket ws =
          client
              .newWebSocketBuilder()
              .buildAsync(URI.create(url.replaceFirst("^http", "ws")), listener)
              .get(10, TimeUnit.SECONDS);
      String message = first.get(10, TimeUnit.SECONDS);
      ws.abort();
      return message.startsWith("{\"type\":\"snapshot\"") ? 101 : 0;
    } catch (ExecutionException | TimeoutException e) {
      return 0;
    }
  }

  private static HttpResponse<String> get(HttpClient client, String url)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
