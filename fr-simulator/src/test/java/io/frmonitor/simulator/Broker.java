package io.frmonitor.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The machine's RabbitMQ management API (guest/guest): a vhost of the test's own. */
final class Broker {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String AUTH =
      "Basic " + Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8));

  private Broker() {}

  /** Enables the management plugin if needed and creates {@code vhost} for guest. */
  static void createVhost(String vhost) throws IOException, InterruptedException {
    if (send("GET", "/api/overview", null) != 200) {
      Process p = new ProcessBuilder("rabbitmq-plugins", "enable", "rabbitmq_management").start();
      p.waitFor();
      for (int i = 0; i < 120 && send("GET", "/api/overview", null) != 200; i++) {
        Thread.sleep(500);
      }
    }
    send("PUT", "/api/vhosts/" + enc(vhost), "{}");
    send(
        "PUT",
        "/api/permissions/" + enc(vhost) + "/guest",
        "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}");
  }

  static void deleteVhost(String vhost) throws IOException, InterruptedException {
    send("DELETE", "/api/vhosts/" + enc(vhost), null);
  }

  static String url(String vhost) {
    return "amqp://guest:guest@127.0.0.1:5672/" + enc(vhost);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static int send(String method, String path, String body)
      throws IOException, InterruptedException {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:15672" + path))
                  .header("Authorization", AUTH)
                  .header("Content-Type", "application/json")
                  .method(
                      method,
                      body == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (java.net.ConnectException e) {
      return -1;
    }
  }
}
