package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.Event;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Fixtures;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The firehose through its handler seam: what the broker's tracer copies, with no broker. */
class FirehosePollerTest {
  private final ManualClock clock = new ManualClock();
  private final MetricRegistry registry = Registries.forApiTests(clock);
  private final PayloadDecoder decoder = new PayloadDecoder(DecodeLimits.DEFAULT);
  private final ResultHandler results = new ResultHandler(decoder, clock);
  private final FirehoseHandler handler = new FirehoseHandler(decoder, results, clock);

  /** A message as the tracer copies it: published with {@code key} to the default exchange. */
  private void traced(String key, byte[] body) {
    handler.message(
        "publish.",
        Map.of("exchange_name", "", "routing_keys", List.of(key.getBytes(StandardCharsets.UTF_8))),
        body);
  }

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void offUnlessTheOperatorSwitchedTracingOn() {
    FirehosePoller off = new FirehosePoller(new FakeTap(), handler, false);
    assertThat(off.unavailableReason().orElseThrow()).contains("MONITORING_RMQ_FIREHOSE=false");
    assertThat(new FirehosePoller(new FakeTap(), handler, true).unavailableReason()).isEmpty();
  }

  @Test
  void decisionsAreCountedByNameAndTheActionsTakenLoggedAsEvents() throws Exception {
    traced("actions", Fixtures.bytes("pickle/action_none.p4.pkl"));
    traced("actions", Fixtures.bytes("pickle/action_lock_screen.p4.pkl"));
    traced("actions", json("{\"action\": 9, \"reason\": 42, \"client_name\": \"obama\"}"));
    traced("saved_actions", json("{}"));
    traced("saved_actions", json("{}"));
    traced("clients_data", json("{}"));

    new FirehosePoller(new FakeTap(), handler, true).poll(registry);

    DecisionsSnapshot s = registry.latest(DecisionsSnapshot.FAMILY).orElseThrow().value();
    assertThat(s.actions()).containsKeys("no_action", "lock_screen", "code_9");
    assertThat(s.actions().get("code_9")).containsEntry("code_42", 1L);
    assertThat(s.savedActions()).isEqualTo(2);
    assertThat(registry.events().newest(10, "action"))
        .as("NO_ACTION is not an event")
        .extracting(Event::fields)
        .extracting(f -> f.get("action"))
        .containsExactlyInAnyOrder("lock_screen", "code_9");
  }

  @Test
  void resultsOnTheDefaultExchangeFeedTheResultTapsCounts() throws Exception {
    traced("face_pipeline_results", Fixtures.bytes("pickle/face_result_no_face.p4.pkl"));

    new ResultTapPoller(new FakeTap(), results, clock).poll(registry);

    ResultsSnapshot s = registry.latest(ResultsSnapshot.FAMILY).orElseThrow().value();
    assertThat(s.pipelines())
        .filteredOn(p -> p.id().equals("face"))
        .singleElement()
        .satisfies(p -> assertThat(p.outcomes()).containsEntry("no_face", 1L));
  }

  @Test
  void anUndecodableActionIsCountedNotGuessed() throws Exception {
    traced("actions", json("not json"));
    traced("actions", json("{\"action\": \"lock\"}"));

    new FirehosePoller(new FakeTap(), handler, true).poll(registry);

    assertThat(registry.latest(DecisionsSnapshot.FAMILY).orElseThrow().value().actions()).isEmpty();
    assertThat(handler.malformed()).isEqualTo(2);
  }
}
