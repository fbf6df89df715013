package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.model.LatencyHistogram;
import io.frmonitor.testing.Fixtures;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class FrameFactsTest {
  @Test
  void aRealFrameGivesClientSizeAndTheKeysMicrosecondUtcStamp() throws Exception {
    byte[] pickle;
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/pickle/frame.p4.pkl")) {
      pickle = in.readAllBytes();
    }
    Object frame =
        ((DecodeResult.Decoded) new PayloadDecoder(DecodeLimits.DEFAULT).decode(pickle)).value();
    FrameFacts f = FrameFacts.of(frame).orElseThrow();
    assertThat(f.client()).isEqualTo("obama");
    assertThat(f.sizeBytes()).isEqualTo(18342);
    assertThat(f.ingestedAt()).contains(Instant.parse("2025-11-03T12:03:07.123456Z"));
  }

  @Test
  void anEpochIngestTimestampWinsInSecondsOrMilliseconds() {
    Map<String, Object> frame =
        Map.of(
            "client_name", "obama",
            "ingest_ts", 1_762_171_387.5,
            "image_object_key", "frames/obama/20251103T120307123456Z-1a2b3c4d5e6f.jpg");
    assertThat(FrameFacts.of(frame).orElseThrow().ingestedAt())
        .contains(Instant.ofEpochMilli(1_762_171_387_500L));
    assertThat(FrameFacts.epoch(1_762_171_387_500L))
        .contains(Instant.ofEpochMilli(1_762_171_387_500L));
  }

  @Test
  void sendTimeAloneGivesNoIngestTimeAndNoClientIsNoFrame() {
    assertThat(
            FrameFacts.of(Map.of("client_name", "obama", "send_time", "23-59-59"))
                .orElseThrow()
                .ingestedAt())
        .isEmpty();
    assertThat(FrameFacts.of(Map.of("frame_size_bytes", 10))).isEmpty();
    assertThat(FrameFacts.of("not a dict")).isEmpty();
    assertThat(FrameFacts.keyTime("frames/x/garbageZ-1.jpg")).isEmpty();
  }

  @Test
  void routingKeysNameThePipeline() {
    assertThat(FrameHandler.pipelineId("PipeLine_7")).isEqualTo(7);
    assertThat(FrameHandler.pipelineId("PipeLine_x")).isEqualTo(-1);
    assertThat(FrameHandler.pipelineId("other")).isEqualTo(-1);
  }

  @Test
  void histogramBucketsCountEachObservationOnce() {
    Histogram h = new Histogram(FrameAggregator.MAX_LATENCY_MS, 2);
    h.recordValue(3);
    h.recordValue(40);
    h.recordValue(40);
    h.recordValue(20_000);
    LatencyHistogram l = LatencyWindow.summary(h);
    assertThat(l.count()).isEqualTo(4);
    assertThat(l.bucketCounts().stream().mapToLong(Long::longValue).sum()).isEqualTo(4);
    assertThat(l.bucketCounts().get(0)).isEqualTo(1); // <= 5 ms
    assertThat(l.bucketCounts().get(3)).isEqualTo(2); // (25, 50] ms
    assertThat(l.bucketCounts().get(l.bucketCounts().size() - 1)).isEqualTo(1); // > 10 s
    assertThat(l.p50Ms()).isEqualTo(40);
  }
}
