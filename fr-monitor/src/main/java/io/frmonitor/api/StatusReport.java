package io.frmonitor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.frmonitor.config.HttpSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

/** {@code fr-monitor status}: asks a running instance for {@code /healthz} and prints it. */
public final class StatusReport {
  private StatusReport() {}

  /** Prints the summary; returns 0 when healthy, 1 when degraded, 3 when nothing answers. */
  public static int print(HttpSettings http, PrintStream out, PrintStream err) {
    URI uri = LocalInstance.uri(http, "/healthz");
    try {
      HttpResponse<String> response = LocalInstance.get(http, uri);
      JsonNode health = Json.MAPPER.readTree(response.body());
      out.printf(
          "fr-monitor at %s (server %s): %s%n",
          uri, health.path("server").asText("?"), health.path("status").asText("unknown"));
      for (Map.Entry<String, JsonNode> c : health.path("collectors").properties()) {
        JsonNode s = c.getValue();
        out.printf(
            "  %-8s %-9s failures=%d%s%n",
            c.getKey(),
            s.path("status").asText(),
            s.path("consecutive_failures").asInt(),
            s.path("last_error").isTextual()
                ? "  last error: " + s.path("last_error").asText()
                : "");
      }
      return "ok".equals(health.path("status").asText()) ? 0 : 1;
    } catch (IOException e) {
      err.printf("fr-monitor: no instance answers at %s (%s)%n", uri, e.getMessage());
      return 3;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 3;
    }
  }
}
