package io.frmonitor.alert.notify;

import static io.frmonitor.alert.notify.TestAlerts.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.frmonitor.alert.eval.AlertInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Alertmanager body is API v2's postable alerts, as Prometheus sends them. */
class AlertmanagerPayloadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AlertInstance hot = TestAlerts.firing("GpuHot", Map.of("gpu", "0"), T0);
  private final AlertInstance cooled =
      TestAlerts.resolved(TestAlerts.firing("GpuHot", Map.of("gpu", "1"), T0), T0.plusSeconds(30));

  private JsonNode body() throws Exception {
    return JSON.readTree(
        AlertmanagerPayload.json(
            List.of(hot, cooled), T0.plusSeconds(45), Duration.ofMinutes(1), "http://mon:8080"));
  }

  @Test
  void isAnArrayOfPostableAlerts() throws Exception {
    JsonNode b = body();
    assertThat(b.isArray()).isTrue();
    assertThat(b).hasSize(2);
    assertThat(b.get(0).fieldNames())
        .toIterable()
        .containsExactly("labels", "annotations", "startsAt", "endsAt", "generatorURL");
    assertThat(map(b.get(0).get("labels"))).isEqualTo(hot.labels());
    assertThat(map(b.get(0).get("annotations"))).isEqualTo(hot.annotations());
    assertThat(b.get(0).get("generatorURL").asText())
        .isEqualTo("http://mon:8080/alerts/rules#GpuHot");
  }

  @Test
  void firingAlertEndsFourResendIntervalsAfterTheEvaluation() throws Exception {
    JsonNode a = body().get(0);
    assertThat(a.get("startsAt").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(a.get("endsAt").asText()).isEqualTo("2026-03-01T12:04:45Z");
  }

  @Test
  void resolvedAlertEndsWhenItResolved() throws Exception {
    assertThat(body().get(1).get("endsAt").asText()).isEqualTo("2026-03-01T12:00:30Z");
  }

  private static Map<String, String> map(JsonNode node) {
    return JSON.convertValue(node, new TypeReference<Map<String, String>>() {});
  }
}
