package io.frmonitor.alert.notify;

import java.net.URI;

/** The Alertmanager notifier keeps the notifier contract. */
class AlertmanagerNotifierTest extends NotifierContractTest {
  @Override
  protected Notifier create(URI url, DeliveryPolicy policy, Sleeper sleeper) {
    return new AlertmanagerNotifier(
        url,
        URI.create("http://monitor.example:8080/"),
        AlertmanagerNotifier.DEFAULT_RESEND_INTERVAL,
        clock,
        policy,
        sleeper);
  }

  @Override
  protected String kind() {
    return "alertmanager";
  }

  @Override
  protected String postedPath() {
    return "/recv/api/v2/alerts";
  }

  @Override
  protected String threadName(Notifier notifier) {
    return ((AlertmanagerNotifier) notifier).threadName();
  }
}
