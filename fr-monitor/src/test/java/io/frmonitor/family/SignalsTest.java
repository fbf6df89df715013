package io.frmonitor.family;

import static io.frmonitor.family.Snapshots.decisions;
import static io.frmonitor.family.Snapshots.frames;
import static io.frmonitor.family.Snapshots.queue;
import static io.frmonitor.family.Snapshots.queues;
import static io.frmonitor.family.Snapshots.results;
import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.GatewaysSnapshot;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.testing.ManualClock;
import io.frmonitor.testing.Registries;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which source feeds each signal, from what the collectors deliver — the three tiers. */
class SignalsTest {
  private final ManualClock clock = new ManualClock();
  private final MetricRegistry registry = Registries.forApiTests(clock);

  /** Today's fr-server: the frame tap, the broker's counters, a result tap that sees nothing. */
  private void todaysProducers(boolean traced) {
    registry.publish(PipelinesSnapshot.FAMILY, frames(100));
    registry.publish(
        QueuesSnapshot.FAMILY,
        queues(
            traced,
            queue("clients_data", 0, 1, 100, 100, 25),
            queue("face_pipeline_results", 0, 1, 100, 100, 25),
            queue("phone_pipeline_results", 0, 1, 100, 100, 25),
            queue("actions", 0, 1, 60, 60, 15),
            queue("saved_actions", 0, 1, 200, 200, 50)));
    registry.publish(ResultsSnapshot.FAMILY, traced ? results(100, 0) : results(0, 0));
    registry.publish(DecisionsSnapshot.FAMILY, decisions(traced));
    registry.publish(GatewaysSnapshot.FAMILY, new GatewaysSnapshot(List.of(), 0, 0));
  }

  @Test
  void withTodaysProducersCountsComeFromTheBrokerAndVerdictsAreUnknownWithTheWayOut() {
    todaysProducers(false);
    Signals s = Signals.of(registry);

    assertThat(s.source(Signal.FRAMES)).contains(SignalSource.FRAME_TAP);
    assertThat(s.source(Signal.RESULTS)).contains(SignalSource.QUEUE_COUNTERS);
    assertThat(s.source(Signal.ACTIONS)).contains(SignalSource.QUEUE_COUNTERS);
    assertThat(s.source(Signal.SAVED_ACTIONS)).contains(SignalSource.QUEUE_COUNTERS);
    for (Signal unknown : List.of(Signal.OUTCOMES, Signal.SUCCESS_RATIO, Signal.RESULT_LATENCY)) {
      assertThat(s.source(unknown)).as(unknown.label()).isEmpty();
      assertThat(s.unobservable(unknown).orElseThrow())
          .contains("rabbitmqctl trace_on")
          .contains("docs/producers.md");
    }
    assertThat(s.unobservable(Signal.ACTIONS_BY_KIND).orElseThrow()).contains("trace_on");
    assertThat(s.unobservable(Signal.GATEWAY_SESSIONS).orElseThrow())
        .contains("producers.md#3-gateway-events");
    assertThat(s.sourcesOf(Signal.RESULTS, Signal.OUTCOMES))
        .containsEntry("results", "queue_counters")
        .containsEntry("outcomes", null);
    assertThat(s.unobservableOf(Signal.RESULTS, Signal.OUTCOMES)).containsOnlyKeys("outcomes");
  }

  @Test
  void withTheVhostTracedTheFirehoseSeesVerdictsAndDecisions() {
    todaysProducers(true);
    Signals s = Signals.of(registry);

    for (Signal exact :
        List.of(
            Signal.RESULTS,
            Signal.OUTCOMES,
            Signal.SUCCESS_RATIO,
            Signal.RESULT_LATENCY,
            Signal.ACTIONS,
            Signal.ACTIONS_BY_KIND,
            Signal.SAVED_ACTIONS)) {
      assertThat(s.source(exact)).as(exact.label()).contains(SignalSource.FIREHOSE);
    }
  }

  @Test
  void resultsThroughPipelineResultsMeanTheImprovedProducers() {
    todaysProducers(true);
    registry.publish(ResultsSnapshot.FAMILY, results(100, 100));
    registry.publish(GatewaysSnapshot.FAMILY, new GatewaysSnapshot(List.of(), 3, 0));
    Signals s = Signals.of(registry);

    assertThat(s.source(Signal.OUTCOMES)).contains(SignalSource.RESULT_TAP);
    assertThat(s.source(Signal.RESULTS)).contains(SignalSource.RESULT_TAP);
    assertThat(s.source(Signal.GATEWAY_SESSIONS)).contains(SignalSource.GATEWAY_EVENTS);
  }

  @Test
  void aStaleSourceFeedsNothingAndTheNextOneTakesOver() {
    todaysProducers(false);
    clock.advance(Duration.ofSeconds(30)); // every collector silent
    registry.publish(QueuesSnapshot.FAMILY, queues(false, queue("clients_data", 0, 1, 5, 5, 1)));
    Signals s = Signals.of(registry);

    assertThat(s.source(Signal.FRAMES))
        .as("the tap is stale; the broker still counts accepted frames")
        .contains(SignalSource.QUEUE_COUNTERS);
    assertThat(s.source(Signal.ROUTING)).isEmpty();
    assertThat(s.unobservable(Signal.RESULTS).orElseThrow())
        .as("the counters are there, but not for that queue")
        .contains("MONITORING_RMQ_QUEUES");

    clock.advance(Duration.ofSeconds(30));
    assertThat(Signals.of(registry).unobservable(Signal.RESULTS).orElseThrow())
        .contains("management API");
  }

  @Test
  void thePassiveFallbackHasNoCounters() {
    registry.publish(
        QueuesSnapshot.FAMILY,
        new QueuesSnapshot("amqp_passive", false, 1, List.of(queue("actions", 0, 1, 0, 0, 0))));
    assertThat(Signals.of(registry).source(Signal.ACTIONS)).isEmpty();
    assertThat(Signals.countedQueues(registry)).isEmpty();
  }

  @Test
  void aFirehoseThatDropsCopiesLeavesTheCountsToTheBrokerAndSaysSo() {
    todaysProducers(true);
    registry.publish(
        QueuesSnapshot.FAMILY,
        queues(
            true,
            queue("face_pipeline_results", 0, 1, 100, 100, 25),
            queue("actions", 0, 1, 60, 60, 15),
            queue("saved_actions", 0, 1, 200, 200, 50),
            // 1,000 copies in, 600 taken, none left: the bounded queue dropped 400
            queue("monitoring.tap.firehose.x", 0, 1, 1000, 600, 250)));
    Signals s = Signals.of(registry);

    assertThat(s.source(Signal.RESULTS)).contains(SignalSource.QUEUE_COUNTERS);
    assertThat(s.source(Signal.ACTIONS)).contains(SignalSource.QUEUE_COUNTERS);
    assertThat(s.source(Signal.SAVED_ACTIONS)).contains(SignalSource.QUEUE_COUNTERS);
    assertThat(s.source(Signal.OUTCOMES)).contains(SignalSource.FIREHOSE);
    assertThat(s.caveat(Signal.OUTCOMES).orElseThrow())
        .contains("dropped 400")
        .contains("lower bounds");
    assertThat(s.caveat(Signal.ACTIONS_BY_KIND)).isPresent();
    assertThat(s.caveat(Signal.RESULTS)).isEmpty();
  }
}
