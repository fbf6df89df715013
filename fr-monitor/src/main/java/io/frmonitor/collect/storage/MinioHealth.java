package io.frmonitor.collect.storage;

import io.frmonitor.collect.Failures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Probes MinIO's unauthenticated health endpoints: {@code /minio/health/live} (the process
 * answers), {@code /minio/health/ready} (it can serve requests) and {@code /minio/health/cluster}
 * (write quorum). MinIO answers 200 or 503; any other status on {@code live} means the server is
 * not a MinIO, which is reported as such rather than as down. A connection that fails throws.
 */
final class MinioHealth {
  private final HttpClient http;
  private final URI endpoint;
  private final Duration timeout;

  MinioHealth(HttpClient http, URI endpoint, Duration timeout) {
    this.http = http;
    this.endpoint = endpoint;
    this.timeout = timeout;
  }

  HealthProbe probe() throws IOException, InterruptedException {
    Answer live = get("live");
    if (live.status() != 200 && live.status() != 503) {
      return new HealthProbe(false, null, null, null, live.ms());
    }
    Answer ready = get("ready");
    Answer cluster = get("cluster");
    return new HealthProbe(
        true,
        live.status() == 200,
        ready.status() == 200,
        cluster.status() == 200,
        Math.max(live.ms(), Math.max(ready.ms(), cluster.ms())));
  }

  private record Answer(int status, double ms) {}

  private Answer get(String which) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.resolve("/minio/health/" + which))
            .timeout(timeout)
            .GET()
            .build();
    long start = System.nanoTime();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      return new Answer(response.statusCode(), (System.nanoTime() - start) / 1e6);
    } catch (IOException e) {
      // a refused connection's own message is empty: say where and what
      throw new IOException(
          "MinIO health probe " + request.uri() + " failed: " + Failures.describe(e), e);
    }
  }
}
