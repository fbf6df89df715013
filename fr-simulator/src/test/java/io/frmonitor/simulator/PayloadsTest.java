package io.frmonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bodies follow fr-server-facts.md §2 field for field. */
class PayloadsTest {
  private static final Instant T = Instant.parse("2025-11-03T12:03:07.123456Z");

  @Test
  void aFrameCarriesItsKeyWithTheUtcMicrosecondIngestTime() {
    Map<String, Object> f = Payloads.frame("obama", T, true, null, new Random(1));
    assertThat((String) f.get("image_object_key"))
        .matches("frames/obama/20251103T120307123456Z-[0-9a-f]{12}\\.jpg");
    // the gateway's local clock (Africa/Cairo, UTC+2 in November)
    assertThat(f.get("send_time")).isEqualTo("14-03-07");
    assertThat(f).containsKeys("client_ip", "client_port").containsEntry("user_image", null);
    assertThat(f).doesNotContainKey("ingest_ts");
    assertThat(Payloads.frame("obama", T, false, 5L, new Random(1)))
        .doesNotContainKey("client_ip")
        .containsEntry("ingest_ts", 5L);
  }

  @Test
  void theFrameKeyIsFoundInsideThePickle() {
    Map<String, Object> f = Payloads.frame("obama", T, true, null, new Random(1));
    byte[] body = Pickle.dumps(Payloads.faceResult(f, OutcomeMix.Face.PASS));
    assertThat(Topology.frameKey(body)).isEqualTo(f.get("image_object_key"));
  }

  @Test
  void faceResultsByVerdict() {
    Map<String, Object> f = Payloads.frame("obama", T, false, null, new Random(1));
    Map<String, Object> noFace = Payloads.faceResult(f, OutcomeMix.Face.NO_FACE);
    assertThat(noFace)
        .containsEntry("detection_success", false)
        .containsEntry("face_bbox", null)
        .containsEntry("check_client", null)
        .doesNotContainKeys("user_image", "recognition_metric_value");
    Map<String, Object> spoof = Payloads.faceResult(f, OutcomeMix.Face.SPOOF);
    assertThat(spoof).containsEntry("check_spoof", true).containsEntry("check_client", true);
    assertThat(spoof.get("recognition_metric_value")).isInstanceOf(NpFloat64.class);
    assertThat(spoof.get("face_image")).isInstanceOf(NdArray.class);
    assertThat(Payloads.faceResult(f, OutcomeMix.Face.WRONG_USER))
        .containsEntry("check_client", false);
    assertThat(Payloads.failure(f, "phone"))
        .containsEntry("pipeline", "phone")
        .containsKey("processing_error");
  }

  @Test
  void decisionsFollowTheRuleOrder() {
    assertThat(Payloads.Action.forFace(OutcomeMix.Face.PASS, false))
        .isEqualTo(Payloads.Action.NO_ACTION);
    assertThat(Payloads.Action.forFace(OutcomeMix.Face.NO_FACE, false))
        .isEqualTo(Payloads.Action.LOCK_SCREEN_NO_FACE);
    assertThat(Payloads.Action.forFace(OutcomeMix.Face.PASS, true))
        .as("a failure has no face_bbox")
        .isEqualTo(Payloads.Action.LOCK_SCREEN_NO_FACE);
    assertThat(Payloads.Action.forFace(OutcomeMix.Face.SPOOF, false))
        .isEqualTo(Payloads.Action.SIGN_OUT_SPOOF);
    assertThat(Payloads.Action.forFace(OutcomeMix.Face.WRONG_USER, false))
        .isEqualTo(Payloads.Action.LOCK_SCREEN_WRONG_USER);
    Map<String, Object> r =
        Payloads.phoneResult(Payloads.frame("obama", T, false, null, new Random(1)), true);
    Map<String, Object> saved = Payloads.savedAction(Payloads.Action.SIGN_OUT_PHONE, r, "phone");
    assertThat(saved.get("Action_Reason")).isEqualTo(Map.of("action", 2, "reason", 1));
    assertThat(saved).containsEntry("recognition_metric_value", null);
    assertThat(r.get("phone_bbox")).isEqualTo(List.of(300, 200, 360, 310));
  }

  @Test
  void truthPercentilesAreNearestRank() {
    List<Long> values = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(Truth.percentile(values, 50)).isEqualTo(5);
    assertThat(Truth.percentile(values, 95)).isEqualTo(10);
    assertThat(Truth.percentile(List.of(), 50)).isNull();
  }
}
