package io.frmonitor.alert.engine;

import io.frmonitor.model.Event;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** An alert's state change as an event of the log ({@code kind=alert}). */
final class AlertEvents {
  static final String KIND = "alert";

  private AlertEvents() {}

  static Event of(AlertHistory.Entry e) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", Long.toString(e.id()));
    fields.put("alertname", e.alertname());
    fields.put("severity", e.severity());
    fields.put("from", e.from());
    fields.put("state", e.to());
    fields.put("series", series(e.labels()));
    if (e.value().isPresent()) {
      fields.put("value", Double.toString(e.value().getAsDouble()));
    }
    if (!e.summary().isEmpty()) {
      fields.put("summary", e.summary());
    }
    fields.put("silenced", Boolean.toString(e.silenced()));
    fields.put("fingerprint", e.fingerprint());
    return new Event(e.at(), KIND, fields);
  }

  /** The series' own labels as PromQL writes them: {@code {gpu="0"}}. */
  private static String series(Map<String, String> labels) {
    return labels.entrySet().stream()
        .filter(l -> !l.getKey().equals("alertname") && !l.getKey().equals("severity"))
        .map(l -> l.getKey() + "=\"" + l.getValue() + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }
}
