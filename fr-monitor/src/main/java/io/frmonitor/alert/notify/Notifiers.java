package io.frmonitor.alert.notify;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the configured notifiers with their default intervals and delivery policy. */
public final class Notifiers {
  private Notifiers() {}

  /**
   * One {@link WebhookNotifier} per webhook URL (repeat interval {@link
   * WebhookNotifier#DEFAULT_REPEAT_INTERVAL}), then one {@link AlertmanagerNotifier} per
   * Alertmanager URL (resend interval {@link AlertmanagerNotifier#DEFAULT_RESEND_INTERVAL}), each
   * with {@link DeliveryPolicy#DEFAULTS} and its own thread. A notifier is named by its kind and
   * its URL without credentials or query: {@code webhook https://hooks.example/fr}.
   *
   * @throws IllegalArgumentException naming the first URL that is not http or https with a host;
   *     then no notifier is left running
   */
  public static List<Notifier> create(
      List<URI> webhooks, List<URI> alertmanagers, URI externalUrl, Clock clock) {
    for (URI url : webhooks) {
      Endpoint.of(url);
    }
    for (URI url : alertmanagers) {
      Endpoint.of(url);
    }
    List<Notifier> notifiers = new ArrayList<>();
    for (URI url : webhooks) {
      notifiers.add(
          new WebhookNotifier(url, externalUrl, WebhookNotifier.DEFAULT_REPEAT_INTERVAL, clock));
    }
    for (URI url : alertmanagers) {
      notifiers.add(
          new AlertmanagerNotifier(
              url, externalUrl, AlertmanagerNotifier.DEFAULT_RESEND_INTERVAL, clock));
    }
    return List.copyOf(notifiers);
  }

  /**
   * As {@link #create(List, List, URI, Clock)}, each notifier adding {@code labels} to every alert
   * it sends (see {@link LabelledNotifier}): fr-monitor's {@code server}.
   */
  public static List<Notifier> create(
      List<URI> webhooks,
      List<URI> alertmanagers,
      URI externalUrl,
      Clock clock,
      Map<String, String> labels) {
    return create(webhooks, alertmanagers, externalUrl, clock).stream()
        .<Notifier>map(n -> new LabelledNotifier(n, labels))
        .toList();
  }
}
