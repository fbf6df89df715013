package io.frmonitor.alert.notify;

import static io.frmonitor.alert.notify.TestAlerts.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frmonitor.alert.eval.AlertInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook body is Alertmanager's version 4, field by field. */
class WebhookPayloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "https://monitor.example";

  private final AlertInstance gpu0 =
      TestAlerts.firing("GpuMemoryHigh", Map.of("gpu", "0", "host", "fr1"), T0);
  private final AlertInstance gpu1 =
      TestAlerts.resolved(
          TestAlerts.firing(
              "GpuMemoryHigh", Map.of("gpu", "1", "host", "fr1"), T0.minusSeconds(90)),
          T0.plusMillis(1500));

  private JsonNode body(AlertInstance... alerts) throws Exception {
    return JSON.readTree(WebhookPayload.json("GpuMemoryHigh", List.of(alerts), BASE));
  }

  @Test
  void carriesAlertmanagersEnvelope() throws Exception {
    JsonNode b = body(gpu0, gpu1);
    assertThat(b.get("version").isTextual()).isTrue();
    assertThat(b.get("version").asText()).isEqualTo("4");
    assertThat(b.get("groupKey").asText()).isEqualTo("{}:{alertname=\"GpuMemoryHigh\"}");
    assertThat(b.get("truncatedAlerts").isInt()).isTrue();
    assertThat(b.get("truncatedAlerts").asInt()).isZero();
    assertThat(b.get("receiver").asText()).isEqualTo("fr-monitor");
    assertThat(b.get("externalURL").asText()).isEqualTo(BASE);
    assertThat(map(b.get("groupLabels"))).isEqualTo(Map.of("alertname", "GpuMemoryHigh"));
    assertThat(b.get("alerts")).hasSize(2);
  }

  @Test
  void statusIsFiringIfAnyAlertFiresElseResolved() throws Exception {
    assertThat(body(gpu0, gpu1).get("status").asText()).isEqualTo("firing");
    assertThat(body(gpu1).get("status").asText()).isEqualTo("resolved");
  }

  @Test
  void commonLabelsAndAnnotationsAreOnlyThoseAllAlertsShare() throws Exception {
    JsonNode b = body(gpu0, gpu1);
    assertThat(map(b.get("commonLabels")))
        .isEqualTo(Map.of("alertname", "GpuMemoryHigh", "host", "fr1", "severity", "warning"));
    assertThat(map(b.get("commonAnnotations")))
        .isEqualTo(Map.of("runbook", "docs/runbook.md#GpuMemoryHigh"));
    assertThat(map(body(gpu0).get("commonLabels"))).isEqualTo(gpu0.labels());
  }

  @Test
  void firingAlertStartsWhenItFiredAndEndsAtGosZeroTime() throws Exception {
    JsonNode a = body(gpu0, gpu1).get("alerts").get(0);
    assertThat(a.get("status").asText()).isEqualTo("firing");
    assertThat(a.get("startsAt").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(a.get("endsAt").asText()).isEqualTo("0001-01-01T00:00:00Z");
  }

  @Test
  void resolvedAlertEndsWhenItResolvedInRfc3339() throws Exception {
    JsonNode a = body(gpu0, gpu1).get("alerts").get(1);
    assertThat(a.get("status").asText()).isEqualTo("resolved");
    assertThat(a.get("startsAt").asText()).isEqualTo("2026-03-01T11:58:30Z");
    assertThat(a.get("endsAt").asText()).isEqualTo("2026-03-01T12:00:01.500Z");
  }

  @Test
  void startsAtFallsBackToActiveAtWithoutFiredAt() throws Exception {
    AlertInstance neverFired = TestAlerts.resolved(TestAlerts.pending(gpu0), T0);
    JsonNode a = body(neverFired).get("alerts").get(0);
    assertThat(a.get("startsAt").asText()).isEqualTo("2026-03-01T11:59:00Z");
  }

  @Test
  void eachAlertCarriesLabelsAnnotationsLinkAndFingerprint() throws Exception {
    JsonNode a = body(gpu0, gpu1).get("alerts").get(0);
    assertThat(map(a.get("labels"))).isEqualTo(gpu0.labels());
    assertThat(map(a.get("annotations"))).isEqualTo(gpu0.annotations());
    assertThat(a.get("generatorURL").asText())
        .isEqualTo("https://monitor.example/alerts/rules#GpuMemoryHigh");
    assertThat(a.get("fingerprint").asText()).isEqualTo(gpu0.fingerprint()).hasSize(16);
    assertThat(body(gpu0, gpu1).get("alerts").get(1).get("fingerprint").asText())
        .isEqualTo(gpu1.fingerprint());
  }

  @Test
  void hasExactlyAlertmanagersFields() throws Exception {
    JsonNode b = body(gpu0);
    assertThat(b.fieldNames())
        .toIterable()
        .containsExactly(
            "receiver",
            "status",
            "alerts",
            "groupLabels",
            "commonLabels",
            "commonAnnotations",
            "externalURL",
            "version",
            "groupKey",
            "truncatedAlerts");
    assertThat(b.get("alerts").get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "status", "labels", "annotations", "startsAt", "endsAt", "generatorURL", "fingerprint");
  }

  private static Map<String, String> map(JsonNode node) {
    return JSON.convertValue(node, new TypeReference<Map<String, String>>() {});
  }
}
