package io.frmonitor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.frmonitor.family.FamilySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar run with a known secret in every secret setting, each source failing because of
 * (or despite) it: nothing it writes or answers — its log, {@code /healthz}, {@code /readyz}, every
 * family, the exposition, error bodies, {@code check-config} — contains any of them.
 */
class SecretsIT {
  private static final String API_TOKEN = "api-TOKEN-0000-secret-aaaa";
  private static final String PROMETHEUS_TOKEN = "prom-TOKEN-1111-secret-bbbb";
  private static final String REDIS_PASSWORD = "redis-PASSWORD-2222";
  private static final String RMQ_PASSWORD = "rmq-PASSWORD-3333";
  private static final String MINIO_ACCESS = "minio-ACCESS-4444";
  private static final String MINIO_SECRET = "minio-SECRET-5555";
  private static final String HOOK_PASSWORD = "hook-PASSWORD-6666";
  private static final String STREAM_PASSWORD = "stream-PASSWORD-7777";
  private static final List<String> SECRETS =
      List.of(
          API_TOKEN,
          PROMETHEUS_TOKEN,
          REDIS_PASSWORD,
          RMQ_PASSWORD,
          MINIO_ACCESS,
          MINIO_SECRET,
          HOOK_PASSWORD,
          STREAM_PASSWORD);

  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * Every secret setting set; the machine's Redis (which has no password: AUTH fails) and RabbitMQ
   * (a wrong password), a MinIO, a webhook and a stream Redis where nothing listens.
   */
  private static Map<String, String> secretSettings(int closed) {
    String nowhere = "127.0.0.1:" + closed;
    return Map.ofEntries(
        Map.entry("MONITORING_POLL_INTERVAL", "1s"),
        Map.entry("MONITORING_API_TOKEN", API_TOKEN),
        Map.entry("MONITORING_PROMETHEUS_TOKEN", PROMETHEUS_TOKEN),
        Map.entry("MONITORING_REDIS_PASSWORD", REDIS_PASSWORD),
        Map.entry("MONITORING_RMQ_URL", "amqp://guest:" + RMQ_PASSWORD + "@127.0.0.1:5672/"),
        Map.entry("MONITORING_MINIO_ENDPOINT", nowhere),
        Map.entry("MONITORING_MINIO_ACCESS_KEY", MINIO_ACCESS),
        Map.entry("MONITORING_MINIO_SECRET_KEY", MINIO_SECRET),
        Map.entry(
            "MONITORING_ALERT_WEBHOOK_URLS", "http://hook:" + HOOK_PASSWORD + "@" + nowhere + "/"),
        Map.entry(
            "MONITORING_PERSIST_REDIS_URL", "redis://monitor:" + STREAM_PASSWORD + "@" + nowhere));
  }

  private HttpResponse<String> get(int port, String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10));
    if (!token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void noSecretAppearsInTheLogTheApiOrCheckConfig() throws Exception {
    int closed = JarProcess.freePort(); // nothing listens there
    Map<String, String> env = secretSettings(closed);
    List<String> seen = new ArrayList<>();

    Process check = JarProcess.command(env, "check-config").redirectErrorStream(true).start();
    assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String checked = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(checked).as("check-config names the settings").contains("MONITORING_RMQ_URL");
    seen.add("check-config:\n" + checked);

    try (JarProcess service = JarProcess.start(env)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !service.alive() || service.status("/healthz") > 0);
      assertThat(service.alive()).as("service exited:\n%s", service.log()).isTrue();
      // every source has failed (so its error has been logged and reported)
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                String log = service.log();
                return log.contains("redis") && log.contains("rabbitmq") && log.contains("storage");
              });
      int port = service.port();
      for (String path :
          List.of(
              "/healthz",
              "/readyz",
              "/",
              "/history",
              "/metrics/actions",
              "/alerts/rules",
              "/alerts/history",
              "/alerts/silences")) {
        seen.add(path + ": " + get(port, path, API_TOKEN).body());
      }
      for (FamilySpec<?> spec : Families.CATALOG.specs()) {
        seen.add(spec.path() + ": " + get(port, spec.path(), API_TOKEN).body());
      }
      HttpResponse<String> exposition = get(port, "/prometheus", PROMETHEUS_TOKEN);
      assertThat(exposition.statusCode()).isEqualTo(200);
      seen.add("/prometheus: " + exposition.body());
      // error bodies: a wrong token, a bad parameter, an unknown path
      HttpResponse<String> refused = get(port, "/metrics/system", "wrong-token-but-long-enough");
      assertThat(refused.statusCode()).isEqualTo(401);
      seen.add("401: " + refused.body());
      HttpResponse<String> bad = get(port, "/history?window=forever", API_TOKEN);
      assertThat(bad.statusCode()).isEqualTo(400);
      seen.add("400: " + bad.body());
      seen.add("404: " + get(port, "/no/such/path", API_TOKEN).body());
      service.stop();
      seen.add("log:\n" + service.log());
    }

    String all = String.join("\n", seen);
    // the run did fail where it should: the secrets were used, not ignored
    assertThat(all).contains("redis").contains("rabbitmq").contains("storage");
    for (String secret : SECRETS) {
      assertThat(all).as("output contains the secret %s", secret).doesNotContain(secret);
    }
  }
}
