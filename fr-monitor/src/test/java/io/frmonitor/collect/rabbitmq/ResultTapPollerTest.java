package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Fixtures;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The result tap through its handler seam, with a manual clock and no broker. */
class ResultTapPollerTest {
  private final ManualClock clock = new ManualClock();
  private final MetricRegistry registry = Registries.forApiTests(clock);
  private final ResultHandler handler =
      new ResultHandler(new PayloadDecoder(DecodeLimits.DEFAULT), clock);
  private final ResultTapPoller poller = new ResultTapPoller(new FakeTap(), handler, clock);

  private void result(String key, String fields) {
    String json =
        "{\"image_object_key\": \"frames/obama/x.jpg\", \"ingest_ts\": "
            + (clock.millis() - 200)
            + (fields.isEmpty() ? "" : ", " + fields)
            + "}";
    handler.message(key, Map.of(), json.getBytes(StandardCharsets.UTF_8));
  }

  private ResultsSnapshot.Pipeline pipeline(String id) throws Exception {
    poller.poll(registry);
    return registry.latest(ResultsSnapshot.FAMILY).orElseThrow().value().pipelines().stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void faceOutcomesFollowTheDecisionManagersOrder() throws Exception {
    result("face_results", "\"detection_success\": true, \"check_client\": true");
    result("face_results", "\"detection_success\": true, \"check_client\": true");
    result("face_results", "\"detection_success\": false, \"check_spoof\": true");
    result("face_results", "\"detection_success\": true, \"check_spoof\": true");
    result("face_results", "\"detection_success\": true, \"check_client\": false");
    result("face_results", "\"processing_error\": \"CUDA out of memory\"");

    ResultsSnapshot.Pipeline face = pipeline("face");

    assertThat(face.outcomes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "pass", 2L, "no_face", 1L, "spoof", 1L, "wrong_user", 1L, "processing_error", 1L));
    assertThat(face.resultsTotal()).isEqualTo(6);
    assertThat(face.errorTotal()).isEqualTo(1);
    assertThat(face.successTotal()).isEqualTo(5);
  }

  @Test
  void phoneOutcomesAndRatesOverTheInterval() throws Exception {
    result("phone_results", "\"phone_bbox\": [1, 2, 3, 4]");
    pipeline("phone");
    for (int i = 0; i < 20; i++) {
      result("phone_results", i < 5 ? "\"phone_bbox\": [1, 2, 3, 4]" : "\"phone_bbox\": null");
    }
    clock.advance(Duration.ofSeconds(5));

    ResultsSnapshot.Pipeline phone = pipeline("phone");

    assertThat(phone.outcomes())
        .containsExactlyInAnyOrderEntriesOf(Map.of("phone_detected", 6L, "pass", 15L));
    assertThat(phone.resultsPerSec().getAsDouble()).isCloseTo(4.0, within(1e-9));
  }

  @Test
  void latencyEndsAtTheWorkersProcessedStampWhenItHasOne() throws Exception {
    long ingest = clock.millis() - 900;
    String json =
        "{\"image_object_key\": \"frames/obama/x.jpg\", \"detection_success\": true,"
            + " \"check_client\": true, \"ingest_ts\": "
            + ingest
            + ", \"processed_ts\": "
            + (ingest + 150)
            + "}";
    handler.message("face_results", Map.of(), json.getBytes(StandardCharsets.UTF_8));

    ResultsSnapshot.Pipeline face = pipeline("face");

    assertThat(face.ingestToResult().count()).isEqualTo(1);
    assertThat(face.ingestToResult().maxMs()).isCloseTo(150, within(1.0));
  }

  @Test
  void aRealPickledFaceResultIsRead() throws Exception {
    handler.message("face_results", Map.of(), Fixtures.bytes("pickle/face_result_no_face.p4.pkl"));
    assertThat(pipeline("face").outcomes()).containsEntry("no_face", 1L);
  }

  @Test
  void undecodableResultsAndUnknownKeysAreCountedAsMalformed() throws Exception {
    handler.message("face_results", Map.of(), "garbage".getBytes(StandardCharsets.US_ASCII));
    handler.message("face_results", Map.of(), "{\"no\": \"key\"}".getBytes(StandardCharsets.UTF_8));
    result("other_results", "\"detection_success\": true");
    handler.failed();

    poller.poll(registry);
    ResultsSnapshot s = registry.latest(ResultsSnapshot.FAMILY).orElseThrow().value();
    assertThat(s.malformed()).isEqualTo(4);
    assertThat(s.pipelines()).allSatisfy(p -> assertThat(p.resultsTotal()).isZero());
  }
}
