package io.frmonitor.alert.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.frmonitor.alert.rule.LabelMatcher;
import io.frmonitor.alert.rule.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelIndexTest {
  private final List<Series> series = new ArrayList<>();

  LabelIndexTest() {
    for (String q :
        List.of(
            "PipeLine_0_face_data", "PipeLine_1_face_data", "PipeLine_0_phone_data", "actions")) {
      series.add(new Series("fr_queue_depth", Map.of("queue", q, "owner", "fr-server"), 1));
    }
    series.add(new Series("fr_queue_depth", Map.of("queue", "monitoring.tap"), 1));
  }

  private List<String> select(String selector) {
    return new LabelIndex<>(series, Series::labels)
        .select(Selector.parse(selector)).stream().map(s -> s.labels().get("queue")).toList();
  }

  @Test
  void selectsWhatTheSelectorMatchesWhicheverMatcherNarrowsFirst() {
    assertThat(select("fr_queue_depth{queue=\"actions\"}")).containsExactly("actions");
    assertThat(select("fr_queue_depth{queue=~\"PipeLine_.*_face_data\"}"))
        .containsExactlyInAnyOrder("PipeLine_0_face_data", "PipeLine_1_face_data");
    assertThat(select("fr_queue_depth{queue!~\"PipeLine_.*\", owner=\"fr-server\"}"))
        .containsExactly("actions");
    assertThat(select("fr_queue_depth{queue=~\"PipeLine_0.*|actions\"}"))
        .containsExactlyInAnyOrder("PipeLine_0_face_data", "PipeLine_0_phone_data", "actions");
    assertThat(select("fr_queue_depth")).hasSize(5);
  }

  @Test
  void aMissingLabelHasTheEmptyValueAsInPromQl() {
    assertThat(select("fr_queue_depth{owner=\"\"}")).containsExactly("monitoring.tap");
    assertThat(select("fr_queue_depth{owner!=\"fr-server\"}")).containsExactly("monitoring.tap");
    assertThat(select("fr_queue_depth{owner=~\"fr-.*\"}")).hasSize(4);
  }

  @Test
  void aRegularExpressionsLiteralPrefixIsWhatEveryMatchStartsWith() {
    assertThat(prefix("PipeLine_.*_data")).isEqualTo("PipeLine_");
    assertThat(prefix("q10[0-9]")).isEqualTo("q10");
    assertThat(prefix("abc?")).isEqualTo("ab");
    assertThat(prefix("a|b")).isEmpty();
    assertThat(prefix(".*x")).isEmpty();
  }

  private static String prefix(String regex) {
    return LabelMatcher.of("queue", LabelMatcher.Op.RE, regex).literalPrefix();
  }
}
