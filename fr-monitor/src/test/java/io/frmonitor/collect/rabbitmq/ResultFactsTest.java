package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.testing.Fixtures;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Result classification on real pickled worker results (facts §2.10). */
class ResultFactsTest {
  private static Object decoded(String fixture) throws Exception {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/pickle/" + fixture)) {
      return ((DecodeResult.Decoded)
              new PayloadDecoder(DecodeLimits.DEFAULT).decode(in.readAllBytes()))
          .value();
    }
  }

  private static String outcome(Object result, String pipeline) {
    return ResultFacts.of(result, pipeline).orElseThrow().outcome();
  }

  @Test
  void classifiesRealResults() throws Exception {
    assertThat(outcome(decoded("face_result_float64.p4.pkl"), "face")).isEqualTo("pass");
    assertThat(outcome(decoded("face_result_no_face.p5.pkl"), "face")).isEqualTo("no_face");
    assertThat(outcome(decoded("face_result_failure.p2.pkl"), "face"))
        .isEqualTo("processing_error");
    assertThat(ResultFacts.of(decoded("face_result_failure.p4.pkl"), "face").orElseThrow().error())
        .isTrue();
    assertThat(outcome(decoded("phone_result.p4.pkl"), "phone")).isEqualTo("phone_detected");
    assertThat(ResultFacts.of(decoded("phone_result.p4.pkl"), "phone").orElseThrow().ingestedAt())
        .contains(Instant.parse("2025-11-03T12:03:07.123456Z"));
  }

  @Test
  void spoofIsCheckedBeforeWrongUserAsTheDecisionManagerDoes() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> face =
        new HashMap<>((Map<String, Object>) decoded("face_result_float32.p4.pkl"));
    face.put("check_spoof", true);
    face.put("check_client", false);
    assertThat(outcome(face, "face")).isEqualTo("spoof");
    face.put("check_spoof", false);
    assertThat(outcome(face, "face")).isEqualTo("wrong_user");
  }

  @Test
  void phoneWithoutBoxPassesAndEpochTimesArePreferred() {
    Map<String, Object> phone = new HashMap<>();
    phone.put("image_object_key", "frames/obama/20251103T120307123456Z-1a2b3c4d5e6f.jpg");
    phone.put("phone_bbox", io.frmonitor.codec.PyNone.NONE);
    phone.put("ingest_ts", 1_762_171_387_000L);
    phone.put("processed_ts", 1_762_171_387.25);
    ResultFacts f = ResultFacts.of(phone, "phone").orElseThrow();
    assertThat(f.outcome()).isEqualTo("pass");
    assertThat(f.ingestedAt()).contains(Instant.ofEpochMilli(1_762_171_387_000L));
    assertThat(f.processedAt()).contains(Instant.ofEpochMilli(1_762_171_387_250L));
    assertThat(ResultFacts.of(Map.of("x", 1), "face")).isEmpty();
  }
}
