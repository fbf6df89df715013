package io.frmonitor.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimOptionsTest {
  private static SimOptions parse(String... args) {
    return SimOptions.parse(args, Map.of());
  }

  @Test
  void defaultsAndTheConnectionFromTheMonitorsVariables() {
    SimOptions o =
        SimOptions.parse(
            new String[0],
            Map.of("MONITORING_RMQ_URL", "amqp://u:p@rmq:5672/v", "MONITORING_REDIS_DB", "3"));
    assertThat(o.clients()).isEqualTo(10);
    assertThat(o.fps()).isEqualTo(10);
    assertThat(o.pipelines()).isEqualTo(4);
    assertThat(o.workers()).isEqualTo(4);
    assertThat(o.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.latencyMeanMs()).isEqualTo(40);
    assertThat(o.latencyStddevMs()).isEqualTo(10);
    assertThat(o.rabbitUrl().getHost()).isEqualTo("rmq");
    assertThat(o.redisDb()).isEqualTo(3);
    assertThat(o.clientsKey()).isEqualTo("Clients_status");
    assertThat(o.improvedProducers()).isFalse();
  }

  @Test
  void withoutTheVariablesItUsesAVhostAndARedisDatabaseOfItsOwnNotTheFrServers() {
    SimOptions o = parse();
    assertThat(o.rabbitUrl().getPath()).isEqualTo("/fr-sim");
    assertThat(o.redisDb()).isEqualTo(15);
    assertThat(o.force()).isFalse();
    assertThat(parse("--force").force()).isTrue();
  }

  @Test
  void everyOptionParses() {
    SimOptions o =
        parse(
            "--clients",
            "3",
            "--fps",
            "2.5",
            "--pipelines",
            "8",
            "--duration",
            "2m",
            "--latency-ms",
            "25",
            "--error-rate",
            "0.1",
            "--outcomes",
            "pass=1,phone=50",
            "--pause-rate",
            "0.5",
            "--block-rate",
            "0.25",
            "--stuck-consumer",
            "phone:3",
            "--route-to-missing",
            "--improved-producers",
            "--heartbeat-interval",
            "500ms",
            "--heartbeat-stop-after",
            "20s",
            "--truth",
            "/tmp/t.json",
            "--seed",
            "9");
    assertThat(o.fps()).isEqualTo(2.5);
    assertThat(o.workers()).isEqualTo(7);
    assertThat(o.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(o.latencyStddevMs()).isZero();
    assertThat(o.mix().phone()).isEqualTo(0.5);
    assertThat(o.stuckConsumer()).hasValue("phone:3");
    assertThat(o.heartbeatInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(o.heartbeatStopAfter()).hasValue(Duration.ofSeconds(20));
    assertThat(o.truth()).isPresent();
    assertThat(o.seed()).isEqualTo(9);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--clients|0|--clients",
        "--fps|fast|--fps",
        "--duration|10|--duration",
        "--latency-ms|x:1|--latency-ms",
        "--error-rate|2|--error-rate",
        "--outcomes|pass=x|--outcomes",
        "--outcomes|happy=1|--outcomes",
        "--stuck-consumer|gpu:1|--stuck-consumer",
        "--pipelines|1000|--pipelines"
      })
  void aBadValueNamesItsOption(String option, String value, String named) {
    assertThatThrownBy(() -> parse(option, value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(named);
  }

  @Test
  void unknownOptionsAndImpossibleCombinationsAreRefused() {
    assertThatThrownBy(() -> parse("--nope")).hasMessage("unknown option --nope");
    assertThatThrownBy(() -> parse("stray")).hasMessage("unexpected argument stray");
    assertThatThrownBy(() -> parse("--pipelines", "1", "--route-to-missing"))
        .hasMessageContaining("--pipelines 2 or more");
  }

  @Test
  void theOutcomeMixFollowsItsWeights() {
    OutcomeMix mix = OutcomeMix.parse("pass=50,no_face=25,spoof=0,wrong_user=25,phone=10");
    Random random = new Random(3);
    java.util.EnumMap<OutcomeMix.Face, Integer> counts =
        new java.util.EnumMap<>(OutcomeMix.Face.class);
    int phones = 0;
    for (int i = 0; i < 100_000; i++) {
      counts.merge(mix.face(random), 1, Integer::sum);
      phones += mix.phoneSeen(random) ? 1 : 0;
    }
    assertThat(counts.get(OutcomeMix.Face.PASS)).isBetween(49_000, 51_000);
    assertThat(counts.get(OutcomeMix.Face.NO_FACE)).isBetween(24_000, 26_000);
    assertThat(counts).doesNotContainKey(OutcomeMix.Face.SPOOF);
    assertThat(phones).isBetween(9_500, 10_500);
  }
}
