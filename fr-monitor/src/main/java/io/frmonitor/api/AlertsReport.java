package io.frmonitor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.frmonitor.config.HttpSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * {@code fr-monitor alerts}: asks a running instance for {@code /alerts} and prints the alerts in
 * force. Exit code: 0 nothing fires (or only {@code info}), 1 a warning fires, 2 a critical one
 * does, 3 no instance answers — usable from cron or a shell prompt. Silenced alerts are printed but
 * do not count.
 */
public final class AlertsReport {
  public static final int UNREACHABLE = 3;

  private AlertsReport() {}

  public static int print(HttpSettings http, PrintStream out, PrintStream err) {
    URI uri = LocalInstance.uri(http, "/alerts");
    try {
      HttpResponse<String> response = LocalInstance.get(http, uri);
      if (response.statusCode() != 200) {
        err.printf("fr-monitor: %s answered %d: %s%n", uri, response.statusCode(), response.body());
        return UNREACHABLE;
      }
      return report(Json.MAPPER.readTree(response.body()), uri, out);
    } catch (IOException e) {
      err.printf("fr-monitor: no instance answers at %s (%s)%n", uri, e.getMessage());
      return UNREACHABLE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return UNREACHABLE;
    }
  }

  /** Prints one line per alert; returns the exit code its firing severities make. */
  static int report(JsonNode body, URI uri, PrintStream out) {
    JsonNode alerts = body.path("alerts");
    if (body.path("reason").isTextual()) {
      out.printf("fr-monitor at %s: %s%n", uri, body.path("reason").asText());
    } else {
      out.printf(
          "fr-monitor at %s: %d firing, %d pending, %d without data, %d silenced%n",
          uri,
          body.path("firing").asInt(),
          body.path("pending").asInt(),
          body.path("no_data").asInt(),
          body.path("silenced").asInt());
    }
    int code = 0;
    for (JsonNode a : alerts) {
      boolean silenced = a.path("silenced").asBoolean();
      String state = a.path("state").asText();
      String severity = a.path("severity").asText();
      out.printf(
          "  %-8s %-8s %-32s %s%s%n",
          state,
          severity,
          a.path("alertname").asText(),
          a.path("summary").asText(""),
          silenced ? "  (silenced)" : "");
      if (!silenced && (state.equals("firing") || isFiringWithoutData(a))) {
        code = Math.max(code, severity.equals("critical") ? 2 : severity.equals("warning") ? 1 : 0);
      }
    }
    return code;
  }

  /** A firing alert whose data went missing still fires ({@code fired_at} set, not resolved). */
  private static boolean isFiringWithoutData(JsonNode a) {
    return a.path("state").asText().equals("no_data") && a.path("fired_at").isNumber();
  }
}
