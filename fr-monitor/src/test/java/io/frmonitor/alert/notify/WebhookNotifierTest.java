package io.frmonitor.alert.notify;

import java.net.URI;

/** The webhook notifier keeps the notifier contract. */
class WebhookNotifierTest extends NotifierContractTest {
  @Override
  protected Notifier create(URI url, DeliveryPolicy policy, Sleeper sleeper) {
    return new WebhookNotifier(
        url,
        URI.create("http://monitor.example:8080/"),
        WebhookNotifier.DEFAULT_REPEAT_INTERVAL,
        clock,
        policy,
        sleeper);
  }

  @Override
  protected String kind() {
    return "webhook";
  }

  @Override
  protected String postedPath() {
    return "/recv";
  }

  @Override
  protected String threadName(Notifier notifier) {
    return ((WebhookNotifier) notifier).threadName();
  }
}
