package io.frmonitor.alert.notify;

import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.model.AlertsSnapshot;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the alerts to an Alertmanager through its API v2 ({@code POST <base>/api/v2/alerts}), as
 * Prometheus does, leaving grouping, silencing, inhibition and routing to it. When and what: {@link
 * AlertmanagerPlanner}; the body: {@link AlertmanagerPayload}; delivery (queue, retries, counts):
 * {@link Delivery}.
 *
 * <p>Thread safety: as {@link Notifier} says; planning is serialized on this notifier.
 */
public final class AlertmanagerNotifier implements Notifier {
  /** Its {@code kind}. */
  public static final String KIND = "alertmanager";

  /** How often the alerts are sent again while there are any: Prometheus's default. */
  public static final Duration DEFAULT_RESEND_INTERVAL = Duration.ofMinutes(1);

  /** The API path below the base URL. */
  static final String ALERTS_PATH = "/api/v2/alerts";

  private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerNotifier.class);

  private final AlertmanagerPlanner planner;
  private final Duration resendInterval;
  private final String externalBase;
  private final Delivery delivery;

  /** An Alertmanager notifier with the default delivery policy; see the full constructor. */
  public AlertmanagerNotifier(URI baseUrl, URI externalUrl, Duration resendInterval, Clock clock) {
    this(baseUrl, externalUrl, resendInterval, clock, DeliveryPolicy.DEFAULTS, Sleeper.SYSTEM);
  }

  /**
   * An Alertmanager notifier, its delivery thread started.
   *
   * @param baseUrl the Alertmanager's URL, with or without trailing slash (and with its path
   *     prefix, if it has one); credentials in it are sent as Basic authentication
   * @param externalUrl fr-monitor's URL as people reach it: the base of each alert's {@code
   *     generatorURL}
   * @param resendInterval how often the alerts are sent again; a firing one is valid for 4 of them
   * @param clock when deliveries succeed
   * @throws IllegalArgumentException naming {@code baseUrl} unless it is http or https with a host
   */
  public AlertmanagerNotifier(
      URI baseUrl,
      URI externalUrl,
      Duration resendInterval,
      Clock clock,
      DeliveryPolicy policy,
      Sleeper sleeper) {
    Endpoint base = Endpoint.of(baseUrl);
    this.planner = new AlertmanagerPlanner(resendInterval);
    this.resendInterval = resendInterval;
    this.externalBase = NotifyJson.base(externalUrl);
    this.delivery =
        Delivery.start(
            KIND + " " + base.display(), KIND, base.append(ALERTS_PATH), policy, clock, sleeper);
  }

  @Override
  public void offer(AlertBatch batch) {
    try {
      synchronized (planner) {
        List<AlertInstance> alerts = planner.plan(batch);
        if (!alerts.isEmpty()) {
          String json = AlertmanagerPayload.json(alerts, batch.at(), resendInterval, externalBase);
          delivery.offer(new Delivery.Message(alerts.size() + " alert(s)", json));
        }
      }
    } catch (RuntimeException e) {
      LOG.error("notifier {}: could not build its message", status().name(), e);
    }
  }

  @Override
  public AlertsSnapshot.Notifier status() {
    return delivery.status();
  }

  @Override
  public void close() {
    delivery.close();
  }

  String threadName() {
    return delivery.threadName();
  }
}
