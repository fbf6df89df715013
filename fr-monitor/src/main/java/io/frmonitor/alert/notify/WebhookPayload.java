package io.frmonitor.alert.notify;

import io.frmonitor.alert.eval.AlertInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alertmanager's webhook body, version 4, for one rule's group: what any receiver written for
 * Alertmanager reads unchanged. Fields in Alertmanager's order; times in RFC 3339, UTC. Pure;
 * thread-safe.
 */
final class WebhookPayload {
  /** The {@code receiver} field: the name Alertmanager would give the route's receiver. */
  static final String RECEIVER = "fr-monitor";

  /** A firing alert's {@code endsAt}: Go's zero time, as Alertmanager writes it. */
  static final String ZERO_TIME = "0001-01-01T00:00:00Z";

  private WebhookPayload() {}

  /**
   * The message for {@code rule}'s {@code alerts} (firing and resolved ones).
   *
   * @param externalBase fr-monitor's external URL, without trailing slash
   */
  static String json(String rule, List<AlertInstance> alerts, String externalBase) {
    return NotifyJson.write(message(rule, alerts, externalBase));
  }

  static Map<String, Object> message(String rule, List<AlertInstance> alerts, String externalBase) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (AlertInstance a : alerts) {
      items.add(alert(a, externalBase));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("receiver", RECEIVER);
    m.put("status", alerts.stream().anyMatch(AlertInstance::firing) ? "firing" : "resolved");
    m.put("alerts", items);
    m.put("groupLabels", Map.of("alertname", rule));
    m.put("commonLabels", common(alerts.stream().map(AlertInstance::labels).toList()));
    m.put("commonAnnotations", common(alerts.stream().map(AlertInstance::annotations).toList()));
    m.put("externalURL", externalBase);
    m.put("version", "4");
    m.put("groupKey", groupKey(rule));
    m.put("truncatedAlerts", 0);
    return m;
  }

  /** Alertmanager's group key for a group by {@code alertname} under the root route. */
  static String groupKey(String rule) {
    return "{}:{alertname=\"" + rule.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }

  private static Map<String, Object> alert(AlertInstance a, String externalBase) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", a.firing() ? "firing" : "resolved");
    m.put("labels", a.labels());
    m.put("annotations", a.annotations());
    m.put("startsAt", NotifyJson.time(NotifyJson.startsAt(a)));
    m.put(
        "endsAt",
        a.firing() ? ZERO_TIME : NotifyJson.time(a.resolvedAt().orElse(a.lastActiveAt())));
    m.put("generatorURL", NotifyJson.generatorUrl(externalBase, a));
    m.put("fingerprint", a.fingerprint());
    return m;
  }

  /** The entries every map has, with the same value. */
  static Map<String, String> common(List<Map<String, String>> maps) {
    if (maps.isEmpty()) {
      return Map.of();
    }
    Map<String, String> common = new TreeMap<>(maps.get(0));
    for (Map<String, String> m : maps.subList(1, maps.size())) {
      common.entrySet().removeIf(e -> !e.getValue().equals(m.get(e.getKey())));
    }
    return common;
  }
}
