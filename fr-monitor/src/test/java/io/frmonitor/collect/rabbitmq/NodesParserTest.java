package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.codec.DecodeLimits;
import io.frmonitor.codec.DecodeResult;
import io.frmonitor.codec.PayloadDecoder;
import io.frmonitor.model.RabbitNodesSnapshot;
import io.frmonitor.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NodesParserTest {
  private static Object json(String text) {
    return ((DecodeResult.Decoded)
            new PayloadDecoder(DecodeLimits.DEFAULT).decode(text.getBytes(StandardCharsets.UTF_8)))
        .value();
  }

  @Test
  void readsACapturedNodesAnswer() {
    // captured from RabbitMQ 3.10.8 with the collector's columns
    RabbitNodesSnapshot s = NodesParser.parse(json(Fixtures.text("rabbitmq/nodes-3.10.json")));

    assertThat(s.nodes()).hasSize(1);
    RabbitNodesSnapshot.Node n = s.nodes().get(0);
    assertThat(n.name()).isEqualTo("rabbit@localhost");
    assertThat(n.running()).isTrue();
    assertThat(n.memoryUsedBytes()).hasValue(140_738_560);
    assertThat(n.memoryLimitBytes()).hasValue(10_110_425_497L);
    assertThat(n.memoryAlarm()).contains(false);
    assertThat(n.diskFreeBytes()).hasValue(84_347_457_536L);
    assertThat(n.diskFreeLimitBytes()).hasValue(50_000_000);
    assertThat(n.diskFreeAlarm()).contains(false);
    assertThat(n.fdUsed()).hasValue(37);
    assertThat(n.fdLimit()).hasValue(1024);
    assertThat(n.socketsUsed()).hasValue(0);
    assertThat(n.socketsLimit()).hasValue(832);
    assertThat(n.processesUsed()).hasValue(356);
    assertThat(n.processesLimit()).hasValue(1_048_576);
    assertThat(n.uptimeSeconds()).hasValue(2040);
    assertThat(n.partitions()).isEmpty();
    assertThat(n.alarmed()).isFalse();
  }

  @Test
  void anAlarmAStoppedNodeAndUncountedSocketsAreToldApart() {
    // the captured answer reshaped as RabbitMQ 4 gives it for a cluster in trouble: sockets no
    // longer counted (0 of 0), a memory alarm on one node, the other node stopped
    RabbitNodesSnapshot s =
        NodesParser.parse(json(Fixtures.text("rabbitmq/nodes-4-alarm-derived.json")));

    RabbitNodesSnapshot.Node alarmed = s.nodes().get(0);
    assertThat(alarmed.alarmed()).isTrue();
    assertThat(alarmed.memoryAlarm()).contains(true);
    assertThat(alarmed.socketsUsed()).as("not counted, not zero").isEmpty();
    assertThat(alarmed.socketsLimit()).isEmpty();
    assertThat(alarmed.partitions()).containsExactly("rabbit@rmq-b");

    RabbitNodesSnapshot.Node stopped = s.nodes().get(1);
    assertThat(stopped.running()).isFalse();
    assertThat(stopped.memoryUsedBytes()).as("unknown, not zero").isEmpty();
    assertThat(stopped.memoryAlarm()).isEmpty();
    assertThat(stopped.alarmed()).isFalse();
  }

  @Test
  void refusesAnAnswerThatIsNotAListOfNodes() {
    assertThatThrownBy(() -> NodesParser.parse(json("{\"error\": \"not_authorised\"}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a list of nodes");
  }
}
