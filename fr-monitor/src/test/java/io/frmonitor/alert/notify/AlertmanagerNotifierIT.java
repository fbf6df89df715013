package io.frmonitor.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frmonitor.alert.eval.AlertInstance;
import io.frmonitor.testing.AlertmanagerProcess;
import io.frmonitor.testing.Receiver;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Alertmanager notifier against a real Alertmanager (Debian's 0.25, from {@code
 * scripts/install-test-tools}): what it posts is what Alertmanager lists, a resolution takes the
 * alert off its active list, and Alertmanager's own webhook body has the fields and the group key
 * the webhook notifier writes.
 */
class AlertmanagerNotifierIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final URI EXTERNAL = URI.create("http://monitor.example:8080");

  private Receiver hook;
  private AlertmanagerProcess alertmanager;
  private AlertmanagerNotifier notifier;

  @BeforeEach
  void start() throws Exception {
    hook = Receiver.start();
    alertmanager =
        AlertmanagerProcess.start(AlertmanagerProcess.required(), config(hook.url("/am-hook")));
    notifier =
        new AlertmanagerNotifier(
            alertmanager.url(), EXTERNAL, Duration.ofMinutes(1), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (notifier != null) {
      notifier.close();
    }
    if (alertmanager != null) {
      alertmanager.close();
    }
    if (hook != null) {
      hook.close();
    }
  }

  /**
   * Every rule to a null receiver but WebhookShape, which the root route sends to a webhook at
   * {@code hook}: its group key is then the root route's, as the webhook notifier writes it.
   */
  private static String config(URI hook) {
    return String.join(
        "\n",
        "route:",
        "  receiver: hook",
        "  group_by: [alertname]",
        "  group_wait: 1s",
        "  routes:",
        "    - receiver: 'null'",
        "      matchers: ['alertname!=\"WebhookShape\"']",
        "receivers:",
        "  - name: 'null'",
        "  - name: hook",
        "    webhook_configs:",
        "      - url: '" + hook + "'",
        "");
  }

  private List<JsonNode> listed(String rule, String query) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode a : alertmanager.get("/api/v2/alerts" + query)) {
      if (rule.equals(a.path("labels").path("alertname").asText())) {
        found.add(a);
      }
    }
    return found;
  }

  @Test
  void firingAlertIsListedWithItsLabelsAndAnnotationsAndGoneOnceResolved() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    AlertInstance firing =
        TestAlerts.firing("FrQueueDeep", Map.of("queue", "frames", "host", "fr1"), now);
    notifier.offer(TestAlerts.batch(now, firing));
    await().atMost(WAIT).until(() -> listed("FrQueueDeep", "").size() == 1);

    JsonNode a = listed("FrQueueDeep", "").get(0);
    assertThat(map(a.get("labels")))
        .isEqualTo(firing.labels())
        .containsEntry("alertname", "FrQueueDeep")
        .containsEntry("severity", "warning")
        .containsEntry("queue", "frames")
        .containsEntry("host", "fr1");
    assertThat(map(a.get("annotations"))).isEqualTo(firing.annotations());
    assertThat(Instant.parse(a.get("startsAt").asText())).isEqualTo(now);
    assertThat(Instant.parse(a.get("endsAt").asText())).isEqualTo(now.plus(Duration.ofMinutes(4)));
    assertThat(a.get("generatorURL").asText())
        .isEqualTo("http://monitor.example:8080/alerts/rules#FrQueueDeep");
    assertThat(a.path("status").path("state").asText()).isIn("active", "unprocessed");

    Instant later = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    notifier.offer(TestAlerts.batch(later, TestAlerts.resolved(firing, later)));
    await().atMost(WAIT).until(() -> listed("FrQueueDeep", "?active=true").isEmpty());
    assertThat(listed("FrQueueDeep", "")).isEmpty();
    assertThat(notifier.status().results()).containsEntry("sent", 2L).containsEntry("dropped", 0L);
  }

  @Test
  void alertmanagersOwnWebhookBodyHasTheFieldsAndGroupKeyOfOurs() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    AlertInstance firing = TestAlerts.firing("WebhookShape", Map.of("gpu", "0"), now);
    notifier.offer(TestAlerts.batch(now, firing));
    await().atMost(WAIT).until(() -> !hook.requests().isEmpty());

    JsonNode theirs = JSON.readTree(hook.requests().get(0).body());
    JsonNode ours =
        JSON.readTree(
            WebhookPayload.json("WebhookShape", List.of(firing), NotifyJson.base(EXTERNAL)));
    assertThat(shape(ours)).isEqualTo(shape(theirs));
    assertThat(shape(ours.get("alerts").get(0))).isEqualTo(shape(theirs.get("alerts").get(0)));
    for (String field : List.of("version", "groupKey", "status", "truncatedAlerts")) {
      assertThat(ours.get(field)).as(field).isEqualTo(theirs.get(field));
    }
    for (String field : List.of("groupLabels", "commonLabels", "commonAnnotations")) {
      assertThat(map(ours.get(field))).as(field).isEqualTo(map(theirs.get(field)));
    }
    JsonNode ourAlert = ours.get("alerts").get(0);
    JsonNode theirAlert = theirs.get("alerts").get(0);
    for (String field : List.of("status", "endsAt", "generatorURL")) {
      assertThat(ourAlert.get(field)).as(field).isEqualTo(theirAlert.get(field));
    }
    assertThat(Instant.parse(ourAlert.get("startsAt").asText()))
        .isEqualTo(Instant.parse(theirAlert.get("startsAt").asText()));
  }

  /** Field names in order, each with its JSON type. */
  private static List<String> shape(JsonNode object) {
    List<String> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      fields.add(e.getKey() + ":" + e.getValue().getNodeType());
    }
    return fields;
  }

  private static Map<String, String> map(JsonNode node) {
    return JSON.convertValue(node, new TypeReference<Map<String, String>>() {});
  }
}
