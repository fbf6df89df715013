package io.frmonitor.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorTest {
  @Test
  void readsPromqlVectorSelectors() {
    Selector s =
        Selector.parse("fr_queue_consumers{queue=~\"PipeLine_.*_data\", owner!='fr-monitor'}");
    assertThat(s.metric()).isEqualTo("fr_queue_consumers");
    assertThat(s.matches(Map.of("queue", "PipeLine_3_face_data", "owner", "fr-server"))).isTrue();
    assertThat(s.matches(Map.of("queue", "PipeLine_3_face_data", "owner", "fr-monitor"))).isFalse();
    assertThat(s.matches(Map.of("queue", "x_PipeLine_3_face_data")))
        .as("a regular expression matches the whole value")
        .isFalse();
    assertThat(s.toString())
        .isEqualTo("fr_queue_consumers{queue=~\"PipeLine_.*_data\", owner!=\"fr-monitor\"}");
    assertThat(Selector.parse(" fr_gpu_info ").matchers()).isEmpty();
  }

  @Test
  void aMissingLabelIsTheEmptyValue() {
    assertThat(Selector.parse("m{a=\"\"}").matches(Map.of())).isTrue();
    assertThat(Selector.parse("m{a!~\".+\"}").matches(Map.of())).isTrue();
  }

  @Test
  void escapesInValues() {
    Selector s = Selector.parse("m{a=\"say \\\"hi\\\"\"}");
    assertThat(s.matches(Map.of("a", "say \"hi\""))).isTrue();
  }

  @Test
  void saysWhatItExpectedAndWhere() {
    assertThatThrownBy(() -> Selector.parse("fr_x{queue=\"a\""))
        .hasMessageContaining("expected more");
    assertThatThrownBy(() -> Selector.parse("fr_x{queue~\"a\"}"))
        .hasMessage("expected one of = != =~ !~ at position 11 of \"fr_x{queue~\"a\"}\"");
    assertThatThrownBy(() -> Selector.parse("fr_x{queue=~\"(\"}"))
        .hasMessageContaining("invalid regular expression");
    assertThatThrownBy(() -> Selector.parse("1abc")).hasMessageContaining("a metric name");
    assertThatThrownBy(() -> Selector.parse("fr_x[5m]")).hasMessageContaining("the end");
  }
}
