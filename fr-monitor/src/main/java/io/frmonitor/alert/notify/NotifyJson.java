package io.frmonitor.alert.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.frmonitor.alert.eval.AlertInstance;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * What both notifiers' bodies share: JSON writing, RFC 3339 times and the links back to fr-monitor.
 * Pure; thread-safe.
 */
final class NotifyJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder().build();

  private NotifyJson() {}

  /** {@code value} (maps, lists, strings, numbers) as JSON. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** RFC 3339 in UTC as Go writes it: {@code 2026-03-01T12:00:00Z}, fractions only if any. */
  static String time(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  /** The external URL without trailing slashes, as both bodies carry it. */
  static String base(URI externalUrl) {
    String s = externalUrl.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Where the alert's rule is shown: {@code <external URL>/alerts/rules#<rule>}. */
  static String generatorUrl(String base, AlertInstance alert) {
    return base + "/alerts/rules#" + alert.rule();
  }

  /** When it started: when it fired, else when its condition started to hold. */
  static Instant startsAt(AlertInstance alert) {
    return alert.firedAt().orElse(alert.activeAt());
  }
}
