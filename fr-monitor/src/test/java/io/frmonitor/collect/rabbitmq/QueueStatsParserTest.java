package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class QueueStatsParserTest {
  private static Object json(String text) {
    return ((DecodeResult.Decoded)
            new PayloadDecoder(DecodeLimits.DEFAULT).decode(text.getBytes(StandardCharsets.UTF_8)))
        .value();
  }

  @Test
  void readsACapturedManagementApiPage() {
    // captured from RabbitMQ 3.10.8: page_size 2 of 3 matching queues, 6 in the vhost
    QueuesSnapshot s =
        QueueStatsParser.parse(json(Fixtures.text("rabbitmq/queues-page-truncated.json")));
    assertThat(s.source()).isEqualTo("management_api");
    assertThat(s.truncated()).isTrue();
    assertThat(s.matched()).isEqualTo(3);
    assertThat(s.queues())
        .extracting(QueueStats::name)
        .containsExactly("PipeLine_0_face_data", "actions");
    QueueStats actions = s.queues().get(1);
    assertThat(actions.ready()).isEqualTo(3);
    assertThat(actions.unacked()).hasValue(0);
    assertThat(actions.depth()).hasValue(3);
    assertThat(actions.publishPerSec()).hasValue(0.0);
    assertThat(actions.ackPerSec()).isEmpty(); // not reported: absent, not zero
    assertThat(actions.drainEtaSeconds()).isEmpty();
    assertThat(s.queues().get(0).drainEtaSeconds()).hasValue(0.0); // empty queue
  }

  @Test
  void depthIsReadyPlusUnackedAndEtaUsesTheNetAckRate() {
    QueuesSnapshot s =
        QueueStatsParser.parse(
            json(
                """
                {"filtered_count": 1, "items": [{"name": "PipeLine_0_face_data",
                 "messages_ready": 0, "messages_unacknowledged": 120, "consumers": 1,
                 "message_stats": {"publish_details": {"rate": 10.0},
                   "ack_details": {"rate": 40.0}, "deliver_get_details": {"rate": 40.0},
                   "redeliver_details": {"rate": 0.5}}}]}
                """));
    QueueStats q = s.queues().get(0);
    assertThat(s.truncated()).isFalse();
    assertThat(q.depth()).hasValue(120);
    assertThat(q.consumers()).isEqualTo(1);
    assertThat(q.redeliverPerSec()).hasValue(0.5);
    assertThat(q.drainEtaSeconds()).hasValue(4.0); // 120 / (40 - 10)
  }

  @Test
  void aGrowingQueueHasNoDrainEta() {
    assertThat(QueueStatsParser.drainEta(50, OptionalDouble.of(5), OptionalDouble.of(8))).isEmpty();
    assertThat(QueueStatsParser.drainEta(50, OptionalDouble.of(5), OptionalDouble.empty()))
        .hasValue(10.0);
  }

  @Test
  void somethingElseIsAnError() {
    assertThatThrownBy(() -> QueueStatsParser.parse(json("{\"error\": \"not_authorised\"}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(QueueStatsParser.parse(Map.of("items", List.of())).queues()).isEmpty();
  }

  @Test
  void globsBecomeOneAnchoredRegex() {
    QueuePatterns p =
        new QueuePatterns(List.of("clients_data", "PipeLine_*_face_data", "monitoring.*"));
    assertThat(p.regex()).isEqualTo("^(clients_data|PipeLine_.*_face_data|monitoring\\..*)$");
    assertThat(p.matches("PipeLine_12_face_data")).isTrue();
    assertThat(p.matches("PipeLine_12_phone_data")).isFalse();
    assertThat(p.matches("monitoringXtap")).isFalse();
    assertThat(p.matches("xclients_data")).isFalse();
    assertThat(p.plainNames()).containsExactly("clients_data");
  }

  @Test
  void readsTheBrokersCumulativeCountersAsTheyAreReported() {
    // captured from RabbitMQ 3.10.8 after 50 frames, 30 face results and 20 actions of which 5
    // were requeued once; the tap queue had no traffic
    QueuesSnapshot s = QueueStatsParser.parse(json(Fixtures.text("rabbitmq/queues-counters.json")));
    QueueStats actions = s.queue("actions").orElseThrow();
    assertThat(actions.counters().published()).hasValue(20);
    assertThat(actions.counters().delivered()).hasValue(25);
    assertThat(actions.counters().acked()).hasValue(20);
    assertThat(actions.counters().redelivered()).hasValue(5);
    QueueStats results = s.queue("face_pipeline_results").orElseThrow();
    assertThat(results.counters().published()).hasValue(30);
    assertThat(results.counters().delivered()).as("not reported: not claimed").isEmpty();
    assertThat(s.queues())
        .as("fr-monitor's own queues after the fr-server's")
        .extracting(QueueStats::name)
        .endsWith("monitoring.tap.frames.x");
    assertThat(s.queue("monitoring.tap.frames.x").orElseThrow().own()).isTrue();
    assertThat(actions.own()).isFalse();
  }

  @Test
  void readsWhetherTheVhostIsTraced() {
    // captured from RabbitMQ 3.10.8 as a user with the monitoring tag, the list filtered by name
    String vhost = "fr-fixture-4241";
    Object on = json(Fixtures.text("rabbitmq/vhosts-tracing-on.json"));
    assertThat(QueueStatsParser.tracing(on, vhost)).contains(true);
    assertThat(
            QueueStatsParser.tracing(
                json(Fixtures.text("rabbitmq/vhosts-tracing-off.json")), vhost))
        .contains(false);
    assertThat(QueueStatsParser.tracing(on, "/")).as("a vhost the page does not list").isEmpty();
    assertThat(QueueStatsParser.tracing(json("{\"items\": [{\"name\": \"/\"}]}"), "/"))
        .as("a broker that does not say")
        .isEmpty();
  }
}
