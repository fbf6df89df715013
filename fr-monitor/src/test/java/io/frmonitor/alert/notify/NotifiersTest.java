package io.frmonitor.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.model.AlertsSnapshot;
import io.frmonitor.model.Health;
import io.frmonitor.testing.ManualClock;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The factory builds the configured notifiers, named without credentials. */
class NotifiersTest {
  private final ManualClock clock = new ManualClock();
  private final URI external = URI.create("http://monitor.example:8080");

  @Test
  void createsWebhooksThenAlertmanagersNamedByKindAndUrl() {
    List<Notifier> notifiers =
        Notifiers.create(
            List.of(URI.create("https://user:pw@hooks.example/fr?token=abc")),
            List.of(URI.create("http://am1:9093/"), URI.create("http://am2:9093")),
            external,
            clock);
    try {
      assertThat(notifiers)
          .extracting(n -> n.status().name())
          .containsExactly(
              "webhook https://hooks.example/fr",
              "alertmanager http://am1:9093/",
              "alertmanager http://am2:9093");
      assertThat(notifiers)
          .extracting(Notifier::status)
          .extracting(AlertsSnapshot.Notifier::kind, AlertsSnapshot.Notifier::health)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("webhook", Health.PENDING),
              org.assertj.core.groups.Tuple.tuple("alertmanager", Health.PENDING),
              org.assertj.core.groups.Tuple.tuple("alertmanager", Health.PENDING));
    } finally {
      notifiers.forEach(Notifier::close);
    }
  }

  @Test
  void createsNoneWhenNoneIsConfigured() {
    assertThat(Notifiers.create(List.of(), List.of(), external, clock)).isEmpty();
  }

  @Test
  void rejectsANonHttpUrlNamingIt() {
    assertThatThrownBy(
            () ->
                Notifiers.create(
                    List.of(URI.create("http://ok.example/")),
                    List.of(URI.create("tcp://am:9093")),
                    external,
                    clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"tcp://am:9093\"");
  }
}
