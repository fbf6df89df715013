package io.frmonitor.api;

import io.frmonitor.config.HttpSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The running instance the command line asks ({@code status}, {@code alerts}): the one at {@code
 * MONITORING_HTTP_HOST}:{@code MONITORING_HTTP_PORT}, with the API token when one is set.
 */
final class LocalInstance {
  private LocalInstance() {}

  /** The URL of {@code path} on the instance; a wildcard bind address is asked on loopback. */
  static URI uri(HttpSettings http, String path) {
    String host = http.host().equals("0.0.0.0") ? "127.0.0.1" : http.host();
    return URI.create("http://" + host + ":" + http.port() + path);
  }

  /** {@code GET uri}, 2 s to connect, 5 s in all. */
  static HttpResponse<String> get(HttpSettings http, URI uri)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
    if (!http.access().apiToken().isEmpty()) {
      request.header("Authorization", "Bearer " + http.access().apiToken().value());
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
