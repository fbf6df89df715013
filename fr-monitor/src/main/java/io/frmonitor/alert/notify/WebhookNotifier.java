package io.frmonitor.alert.notify;

import io.frmonitor.model.AlertsSnapshot;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts Alertmanager's webhook body (version 4) to a URL, one message per rule with something to
 * say, so that a receiver written for Alertmanager works unchanged. When a group is sent and what
 * it holds: {@link WebhookPlanner}; the body: {@link WebhookPayload}; delivery (queue, retries,
 * counts): {@link Delivery}.
 *
 * <p>Thread safety: as {@link Notifier} says; planning is serialized on this notifier.
 */
public final class WebhookNotifier implements Notifier {
  /** Its {@code kind}. */
  public static final String KIND = "webhook";

  /** How often a group that still fires is sent again: Alertmanager's default repeat interval. */
  public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofHours(4);

  private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

  private final WebhookPlanner planner;
  private final String externalBase;
  private final Delivery delivery;

  /** A webhook with the default delivery policy; see the full constructor. */
  public WebhookNotifier(URI url, URI externalUrl, Duration repeatInterval, Clock clock) {
    this(url, externalUrl, repeatInterval, clock, DeliveryPolicy.DEFAULTS, Sleeper.SYSTEM);
  }

  /**
   * A webhook, its delivery thread started.
   *
   * @param url where to post; credentials in it are sent as Basic authentication
   * @param externalUrl fr-monitor's URL as receivers reach it: the messages' external URL field and
   *     the base of each alert's {@code generatorURL}
   * @param repeatInterval how often a group that still fires is sent again
   * @param clock when deliveries succeed
   * @throws IllegalArgumentException naming {@code url} unless it is http or https with a host
   */
  public WebhookNotifier(
      URI url,
      URI externalUrl,
      Duration repeatInterval,
      Clock clock,
      DeliveryPolicy policy,
      Sleeper sleeper) {
    Endpoint endpoint = Endpoint.of(url);
    this.planner = new WebhookPlanner(repeatInterval);
    this.externalBase = NotifyJson.base(externalUrl);
    this.delivery =
        Delivery.start(KIND + " " + endpoint.display(), KIND, endpoint, policy, clock, sleeper);
  }

  @Override
  public void offer(AlertBatch batch) {
    try {
      synchronized (planner) {
        for (WebhookPlanner.Group g : planner.plan(batch)) {
          String json = WebhookPayload.json(g.rule(), g.alerts(), externalBase);
          delivery.offer(new Delivery.Message(g.rule() + " (" + g.alerts().size() + ")", json));
        }
      }
    } catch (RuntimeException e) {
      LOG.error("notifier {}: could not build its messages", status().name(), e);
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
