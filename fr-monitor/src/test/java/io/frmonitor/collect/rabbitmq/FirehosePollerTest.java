package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.config.Toggle;
import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.Event;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.Fixtures;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  private final FakeTap tap = new FakeTap();

  /** What the management API says of the vhost's tracing: empty = not said, null = unreachable. */
  private Optional<Boolean> tracing = Optional.of(true);

  private FirehosePoller poller(Toggle mode) {
    return new FirehosePoller(
        tap,
        handler,
        mode,
        () -> {
          if (tracing == null) {
            throw new IOException("connection refused");
          }
          return tracing;
        },
        clock);
  }

  private DecisionsSnapshot decisions() {
    return registry.latest(DecisionsSnapshot.FAMILY).orElseThrow().value();
  }

  @Test
  void falseForbidsTheFirehoseAutoAndTrueAllowIt() {
    assertThat(poller(Toggle.OFF).unavailableReason().orElseThrow())
        .contains("MONITORING_RMQ_FIREHOSE=false");
    assertThat(poller(Toggle.AUTO).unavailableReason()).isEmpty();
    assertThat(poller(Toggle.ON).unavailableReason()).isEmpty();
  }

  @Test
  void autoConsumesExactlyWhileTheBrokerTracesTheVhost() throws Exception {
    FirehosePoller auto = poller(Toggle.AUTO);
    tracing = Optional.of(false);
    assertThat(auto.poll(registry).degradedReason()).isEmpty();
    assertThat(tap.starts).as("no tap while nothing would come").isZero();
    assertThat(decisions().tracing()).isFalse();

    tracing = Optional.of(true);
    auto.poll(registry);
    assertThat(tap.consuming).isTrue();
    assertThat(decisions().tracing()).isTrue();
    assertThat(decisions().actionsPerSec()).as("a rate needs two traced collections").isEmpty();

    traced("actions", Fixtures.bytes("pickle/action_none.p4.pkl"));
    traced("actions", Fixtures.bytes("pickle/action_lock_screen.p4.pkl"));
    traced("saved_actions", json("{}"));
    clock.advance(Duration.ofSeconds(2));
    auto.poll(registry);
    assertThat(decisions().actionsPerSec().getAsDouble()).isEqualTo(1.0);
    assertThat(decisions().savedActionsPerSec().getAsDouble()).isEqualTo(0.5);

    tracing = Optional.of(false);
    clock.advance(Duration.ofSeconds(2));
    auto.poll(registry);
    assertThat(tap.consuming).as("tracing off: the tap is closed, its queue gone").isFalse();
    assertThat(decisions().tracing()).isFalse();
    assertThat(decisions().actionsPerSec()).as("no rate for untraced time").isEmpty();
    assertThat(decisions().actionsTotal()).as("what was seen while traced is kept").isEqualTo(2);
  }

  @Test
  void autoKeepsTheLastAnswerWhileTheApiDoesNotAnswerAndSaysSo() throws Exception {
    FirehosePoller auto = poller(Toggle.AUTO);
    auto.poll(registry);
    tracing = null;
    assertThat(auto.poll(registry).degradedReason().orElseThrow())
        .contains("whether the vhost is traced is unknown")
        .contains("connection refused");
    assertThat(tap.consuming).isTrue();
    assertThat(decisions().tracing()).isTrue();
  }

  @Test
  void trueConsumesWhenTheBrokerDoesNotSayButNotWhenItSaysNo() throws Exception {
    FirehosePoller on = poller(Toggle.ON);
    tracing = Optional.empty();
    on.poll(registry);
    assertThat(tap.consuming).isTrue();
    tracing = Optional.of(false);
    on.poll(registry);
    assertThat(tap.consuming).isFalse();
  }

  @Test
  void decisionsAreCountedByNameAndTheActionsTakenLoggedAsEvents() throws Exception {
    traced("actions", Fixtures.bytes("pickle/action_none.p4.pkl"));
    traced("actions", Fixtures.bytes("pickle/action_lock_screen.p4.pkl"));
    traced("actions", json("{\"action\": 9, \"reason\": 42, \"client_name\": \"obama\"}"));
    traced("saved_actions", json("{}"));
    traced("saved_actions", json("{}"));
    traced("clients_data", json("{}"));

    poller(Toggle.ON).poll(registry);

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

    poller(Toggle.ON).poll(registry);

    assertThat(registry.latest(DecisionsSnapshot.FAMILY).orElseThrow().value().actions()).isEmpty();
    assertThat(handler.malformed()).isEqualTo(2);
  }
}
