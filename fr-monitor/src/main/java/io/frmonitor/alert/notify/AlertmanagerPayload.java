package io.frmonitor.alert.notify;

import io.frmonitor.alert.eval.AlertInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of Alertmanager's {@code POST /api/v2/alerts}: an array of postable alerts, as
 * Prometheus sends them. A firing alert ends 4 resend intervals after the evaluation (Alertmanager
 * resolves it by itself if fr-monitor stops telling it), a resolved one at its resolution. Pure;
 * thread-safe.
 */
final class AlertmanagerPayload {
  /** How many resend intervals a firing alert is valid for: Prometheus's factor. */
  static final int VALIDITY_INTERVALS = 4;

  private AlertmanagerPayload() {}

  /**
   * The body for {@code alerts} at {@code at}.
   *
   * @param externalBase fr-monitor's external URL, without trailing slash
   */
  static String json(
      List<AlertInstance> alerts, Instant at, Duration resendInterval, String externalBase) {
    Instant validUntil = at.plus(resendInterval.multipliedBy(VALIDITY_INTERVALS));
    return NotifyJson.write(alerts.stream().map(a -> alert(a, validUntil, externalBase)).toList());
  }

  private static Map<String, Object> alert(
      AlertInstance a, Instant validUntil, String externalBase) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("labels", a.labels());
    m.put("annotations", a.annotations());
    m.put("startsAt", NotifyJson.time(NotifyJson.startsAt(a)));
    Instant endsAt = a.firing() ? validUntil : a.resolvedAt().orElse(a.lastActiveAt());
    m.put("endsAt", NotifyJson.time(endsAt));
    m.put("generatorURL", NotifyJson.generatorUrl(externalBase, a));
    return m;
  }
}
