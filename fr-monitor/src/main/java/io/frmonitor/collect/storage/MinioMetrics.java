package io.frmonitor.collect.storage;

import io.frmonitor.collect.Failures;
import io.frmonitor.model.StorageUsage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Capacity and bucket usage from MinIO's Prometheus endpoints (metrics v2): {@code
 * /minio/v2/metrics/cluster} for capacity, and {@code /minio/v2/metrics/bucket} for bucket usage
 * (since RELEASE.2023-07-21; older servers put it in the cluster endpoint, and both are read).
 * Sends a {@link MinioToken} when keys are configured; a server with {@code
 * MINIO_PROMETHEUS_AUTH_TYPE=public} needs none. Read at most once per interval: MinIO's scanner
 * updates these figures far less often than the health probe runs.
 *
 * <p>Thread safety: confined to the poller's thread.
 */
final class MinioMetrics {
  /**
   * The usage, or why there is none ({@code unavailable}): at most one of the two is non-null (both
   * are null where no reading was attempted).
   */
  record Reading(@Nullable StorageUsage usage, @Nullable String unavailable) {}

  private static final Duration TOKEN_VALIDITY = Duration.ofMinutes(5);

  private final HttpClient http;
  private final URI endpoint;
  private final String accessKey;
  private final String secretKey;
  private final Duration timeout;
  private final Duration interval;
  private final Clock clock;
  private @Nullable Reading latest;
  private @Nullable Instant readAt;

  /**
   * @param accessKey empty to send no token
   */
  MinioMetrics(
      HttpClient http,
      URI endpoint,
      String accessKey,
      String secretKey,
      Duration timeout,
      Duration interval,
      Clock clock) {
    this.http = http;
    this.endpoint = endpoint;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.timeout = timeout;
    this.interval = interval;
    this.clock = clock;
  }

  /** The last reading, read again first when it is an interval old (or there is none yet). */
  Reading readIfDue() throws InterruptedException {
    Instant now = clock.instant();
    if (latest == null || readAt == null || !now.isBefore(readAt.plus(interval))) {
      readAt = now;
      latest = read(now);
    }
    return latest;
  }

  private Reading read(Instant now) throws InterruptedException {
    MinioMetricsText text = new MinioMetricsText();
    try {
      for (String path : new String[] {"cluster", "bucket"}) {
        HttpResponse<String> response = get(path, now);
        if (response.statusCode() == 200) {
          text.read(response.body());
        } else if (response.statusCode() != 404) {
          return new Reading(null, refusal(path, response.statusCode()));
        }
      }
    } catch (IOException e) {
      return new Reading(null, "MinIO metrics: " + Failures.describe(e));
    }
    return text.found()
        ? new Reading(text.usage(), null)
        : new Reading(null, "MinIO metrics: no capacity or bucket usage reported yet");
  }

  private String refusal(String path, int status) {
    String why =
        status == 401 || status == 403
            ? accessKey.isEmpty()
                ? " (no keys configured: MinIO needs a token unless MINIO_PROMETHEUS_AUTH_TYPE=public)"
                : " (the key needs the admin:Prometheus permission, or MINIO_PROMETHEUS_AUTH_TYPE=public)"
            : "";
    return "MinIO metrics /minio/v2/metrics/" + path + ": HTTP " + status + why;
  }

  private HttpResponse<String> get(String path, Instant now)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve("/minio/v2/metrics/" + path))
            .timeout(timeout)
            .GET();
    if (!accessKey.isEmpty()) {
      request.header(
          "Authorization",
          "Bearer " + MinioToken.bearer(accessKey, secretKey, now, TOKEN_VALIDITY));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
