package io.frmonitor.logging;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;

/**
 * One JSON object per line, for Docker's log drivers, Loki, Fluent Bit and the like:
 *
 * <pre>{@code
 * {"time":"2026-11-29T23:59:41.123Z","level":"WARN","logger":"io.frmonitor.collect.CollectorRunner",
 *  "thread":"fr-collect-redis","message":"collector redis failed (1 in a row): ...","collector":"redis",
 *  "error":{"type":"java.net.ConnectException","message":"Connection refused","stack_trace":"..."}}
 * }</pre>
 *
 * (on one line). {@code time} is UTC with milliseconds; each entry of the diagnostic context (such
 * as {@code collector}) is a field of its own, except one named like a standard field; {@code
 * error} is there only with an exception, its {@code message} only when it has one. Names follow
 * the Elastic Common Schema's {@code error.*}.
 */
public final class JsonFormat implements LineFormat {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final Set<String> STANDARD =
      Set.of("time", "level", "logger", "thread", "message", "error");

  @Override
  public String format(LogEvent e) {
    StringBuilder b = new StringBuilder(160 + e.message().length());
    b.append("{\"time\":\"");
    TIME.formatTo(e.time(), b);
    b.append("\",\"level\":\"").append(e.level()).append('"');
    field(b, "logger", e.logger());
    field(b, "thread", e.thread());
    field(b, "message", e.message());
    for (Map.Entry<String, String> entry : e.context().entrySet()) {
      if (!STANDARD.contains(entry.getKey())) {
        field(b, entry.getKey(), entry.getValue());
      }
    }
    Throwable error = e.error();
    if (error != null) {
      b.append(",\"error\":{");
      b.append("\"type\":");
      JsonString.append(b, error.getClass().getName());
      String message = error.getMessage();
      if (message != null) {
        field(b, "message", message);
      }
      field(b, "stack_trace", LineFormat.stackTrace(error));
      b.append('}');
    }
    return b.append("}\n").toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    b.append(',');
    JsonString.append(b, name);
    b.append(':');
    JsonString.append(b, value);
  }
}
