package io.frmonitor.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The machine's RabbitMQ (127.0.0.1, guest/guest) for the integration tests of every module:
 * enables the management plugin when it is off, and administers test vhosts and users through the
 * management API.
 */
public final class RabbitBroker {
  public static final String MANAGEMENT = "http://127.0.0.1:15672";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GUEST =
      "Basic " + Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8));

  private RabbitBroker() {}

  /** Enables {@code rabbitmq_management} if it does not answer, and waits until it does. */
  public static synchronized void ensureManagement() throws IOException, InterruptedException {
    if (answers()) {
      return;
    }
    Process p =
        new ProcessBuilder("rabbitmq-plugins", "enable", "rabbitmq_management")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("rabbitmq-plugins enable failed: " + out);
    }
    await()
        .alias("management API up after rabbitmq-plugins enable: " + out)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(RabbitBroker::answers);
  }

  private static boolean answers() {
    try {
      return send("GET", "/api/overview", null).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Creates {@code vhost} (enabling the management API first if needed), guest may do anything. */
  public static void createVhost(String vhost) throws IOException, InterruptedException {
    ensureManagement();
    put("/api/vhosts/" + enc(vhost), "{}");
    put(
        "/api/permissions/" + enc(vhost) + "/guest",
        "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
  }

  public static void deleteVhost(String vhost) throws IOException, InterruptedException {
    delete("/api/vhosts/" + enc(vhost));
  }

  /** guest's AMQP URL for {@code vhost}. */
  public static String amqpUrl(String vhost) {
    return "amqp://guest:guest@127.0.0.1:5672/" + enc(vhost);
  }

  public static String enc(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public static void put(String path, String json) throws IOException, InterruptedException {
    expectOk(send("PUT", path, json), path);
  }

  public static void delete(String path) throws IOException, InterruptedException {
    send("DELETE", path, null);
  }

  public static JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = send("GET", path, null);
    expectOk(r, path);
    return JSON.readTree(r.body());
  }

  private static void expectOk(HttpResponse<String> r, String path) {
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
    }
  }

  private static HttpResponse<String> send(String method, String path, @Nullable String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(MANAGEMENT + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", GUEST)
            .header("content-type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
