package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Fixtures;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The frame tap through its handler seam, with a manual clock and no broker. */
class FrameTapPollerTest {
  private final ManualClock clock = new ManualClock();
  private final MetricRegistry registry = Registries.forApiTests(clock);
  private final FakeTap tap = new FakeTap();
  private final FrameAggregator aggregator = new FrameAggregator(4);
  private final FrameHandler handler =
      new FrameHandler(new PayloadDecoder(DecodeLimits.DEFAULT), aggregator, clock);
  private final FrameTapPoller poller = new FrameTapPoller(tap, aggregator, clock);

  /** A frame as JSON, ingested {@code agoMs} before now. */
  private void frame(int pipeline, String client, long agoMs) {
    String json =
        "{\"client_name\": \""
            + client
            + "\", \"frame_size_bytes\": 1000, \"ingest_ts\": "
            + (clock.millis() - agoMs)
            + "}";
    handler.message("PipeLine_" + pipeline, Map.of(), json.getBytes(StandardCharsets.UTF_8));
  }

  private PipelinesSnapshot poll() throws Exception {
    poller.poll(registry);
    return registry.latest(PipelinesSnapshot.FAMILY).orElseThrow().value();
  }

  @Test
  void countsPerPipelineAndClientWithRatesOverTheInterval() throws Exception {
    frame(0, "obama", 40);
    PipelinesSnapshot first = poll();
    assertThat(first.framesTotal()).isEqualTo(1);
    assertThat(first.framesPerSec()).as("a rate needs two collections").isEmpty();

    for (int i = 0; i < 10; i++) {
      frame(i % 2, i < 6 ? "obama" : "biden", 40);
    }
    clock.advance(Duration.ofSeconds(5));
    PipelinesSnapshot s = poll();

    assertThat(s.framesTotal()).isEqualTo(11);
    assertThat(s.framesPerSec().getAsDouble()).isCloseTo(2.0, within(1e-9));
    assertThat(s.jpegBytesTotal()).isEqualTo(11_000);
    assertThat(s.routing())
        .extracting(PipelinesSnapshot.Routing::pipelineId, PipelinesSnapshot.Routing::framesTotal)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 6L), org.assertj.core.groups.Tuple.tuple(1, 5L));
    assertThat(s.routing().get(0).framesPerSec().getAsDouble()).isCloseTo(1.0, within(1e-9));
    assertThat(s.clients())
        .extracting(
            PipelinesSnapshot.ClientFrames::name, PipelinesSnapshot.ClientFrames::framesTotal)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("obama", 7L),
            org.assertj.core.groups.Tuple.tuple("biden", 4L));
    assertThat(tap.starts).as("the tap is kept consuming every poll").isEqualTo(2);
  }

  @Test
  void eachClientCarriesThePipelinesItsFramesWereRoutedToSinceStart() throws Exception {
    frame(2, "obama", 10);
    frame(0, "obama", 10);
    frame(1, "biden", 10);
    poll();
    clock.advance(Duration.ofMinutes(30));
    frame(3, "obama", 10);

    assertThat(poll().clients())
        .extracting(PipelinesSnapshot.ClientFrames::name, PipelinesSnapshot.ClientFrames::pipelines)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("obama", java.util.List.of(0, 2, 3)),
            org.assertj.core.groups.Tuple.tuple("biden", java.util.List.of(1)));
  }

  @Test
  void latencyIsFromTheFramesOwnIngestStampToItsReceipt() throws Exception {
    frame(0, "obama", 40);
    frame(0, "obama", 60);
    PipelinesSnapshot s = poll();

    assertThat(s.ingestToRouting().count()).isEqualTo(2);
    assertThat(s.ingestToRouting().maxMs()).isCloseTo(60, within(1.0));
    assertThat(s.ingestToRoutingTotal().count()).isEqualTo(2);
  }

  @Test
  void aRealPickledFrameIsCountedToo() throws Exception {
    handler.message("PipeLine_2", Map.of(), Fixtures.bytes("pickle/frame.p4.pkl"));
    assertThat(poll().routing())
        .extracting(PipelinesSnapshot.Routing::pipelineId)
        .containsExactly(2);
  }

  @Test
  void pipelinesAreCheckedForAWorkerWhenFirstSeenThenOnceAMinute() throws Exception {
    tap.workers.put(0, true);
    tap.workers.put(3, false);
    frame(0, "obama", 10);
    frame(3, "obama", 10);
    PipelinesSnapshot s = poll();
    assertThat(s.routing())
        .extracting(PipelinesSnapshot.Routing::hasWorker)
        .containsExactly(Optional.of(true), Optional.of(false));
    assertThat(tap.workerChecks).containsExactly(0, 3);

    clock.advance(Duration.ofSeconds(30));
    poll();
    assertThat(tap.workerChecks).as("not again within the minute").hasSize(2);

    frame(1, "obama", 10);
    clock.advance(Duration.ofSeconds(5));
    poll();
    assertThat(tap.workerChecks).as("a new pipeline is checked at once").hasSize(5);

    clock.advance(Duration.ofSeconds(61));
    poll();
    assertThat(tap.workerChecks).hasSize(8);
  }

  @Test
  void malformedMessagesAreCountedAndSkipped() throws Exception {
    handler.message("PipeLine_0", Map.of(), "not a pickle".getBytes(StandardCharsets.US_ASCII));
    handler.message("PipeLine_0", Map.of(), new byte[] {(byte) 0x80, 4, 'N', '.'});
    handler.message("PipeLine_0", Map.of(), "{\"no_client\": 1}".getBytes(StandardCharsets.UTF_8));
    handler.failed();
    frame(0, "obama", 10);

    PipelinesSnapshot s = poll();
    assertThat(s.malformed()).isEqualTo(4);
    assertThat(s.framesTotal()).isEqualTo(1);
  }

  @Test
  void eachPipelineCountsTheDistinctClientsItServedOverTheLastFiveMinutes() throws Exception {
    frame(0, "obama", 10);
    frame(0, "obama", 10);
    frame(0, "biden", 10);
    frame(1, "obama", 10);
    PipelinesSnapshot s = poll();
    assertThat(s.routing())
        .extracting(PipelinesSnapshot.Routing::pipelineId, PipelinesSnapshot.Routing::clients)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 2), org.assertj.core.groups.Tuple.tuple(1, 1));

    clock.advance(Duration.ofMinutes(3));
    frame(0, "trump", 10);
    assertThat(poll().routing().get(0).clients()).as("still within the window").isEqualTo(3);

    clock.advance(Duration.ofMinutes(4));
    frame(0, "trump", 10);
    assertThat(poll().routing().get(0).clients())
        .as("obama and biden have not sent to pipeline 0 for 7 minutes")
        .isEqualTo(1);
    assertThat(poll().routing().get(1).clients()).as("no client of pipeline 1 left").isZero();
  }
}
