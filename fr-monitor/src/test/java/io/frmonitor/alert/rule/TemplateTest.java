package io.frmonitor.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.frmonitor.testing.Fixtures;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class TemplateTest {
  private static final List<String> HELPERS =
      List.of("", "humanize", "humanize1024", "humanizePercentage", "humanizeDuration");

  private static String render(String text, double value) {
    return Template.parse(text).render(Map.of("queue", "actions", "bytes", "1536"), value);
  }

  @Test
  void fillsLabelsAndTheValueWithHelpers() {
    assertThat(render("{{ $labels.queue }} at {{ $value }}", 12)).isEqualTo("actions at 12");
    assertThat(render("{{$value}}", 0.25)).isEqualTo("0.25");
    assertThat(render("{{ $value | humanizePercentage }}", 0.9312)).isEqualTo("93.12%");
    assertThat(render("{{ humanizePercentage $value }}", 0.5)).isEqualTo("50%");
    assertThat(render("{{ $value | humanize }}", 1_234_567)).isEqualTo("1.235M");
    assertThat(render("{{ $labels.bytes | humanize1024 }}", 0)).isEqualTo("1.5ki");
    assertThat(render("{{ $value | humanizeDuration }}", 90)).isEqualTo("1m 30s");
    assertThat(render("{{ $value | humanizeDuration }}", 0.25)).isEqualTo("250ms");
    assertThat(render("{{ $labels.missing }}!", 0)).isEqualTo("!");
    assertThat(render("no placeholders", 0)).isEqualTo("no placeholders");
  }

  /** Each line of the fixture: a value, then what Prometheus printed for it with each helper. */
  @Test
  void printsValuesAsPrometheusRendersThem() {
    SoftAssertions soft = new SoftAssertions();
    for (String line : Fixtures.text("prometheus/template-helpers.txt").split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\\|", -1);
      double value = Double.parseDouble(cells[0]);
      for (int i = 0; i < HELPERS.size(); i++) {
        String helper = HELPERS.get(i);
        String expected = cells[i + 1];
        if (!expected.equals("-")) {
          String text = helper.isEmpty() ? "{{ $value }}" : "{{ $value | " + helper + " }}";
          soft.assertThat(render(text, value)).as(text + " of " + cells[0]).isEqualTo(expected);
        }
      }
    }
    soft.assertAll();
  }

  @Test
  void dashesInsideTheBracesTrimTheSpaceBesideThem() {
    assertThat(render("a  {{- $labels.queue -}}\n b", 0)).isEqualTo("aactionsb");
    assertThat(render("a {{- $value }} b {{ $value -}} c", 1)).isEqualTo("a1 b 1c");
  }

  @Test
  void refusesWhatItCannotRender() {
    assertThatThrownBy(() -> Template.parse("{{ $value | printf }}"))
        .hasMessageContaining("unknown helper 'printf'");
    assertThatThrownBy(() -> Template.parse("{{ .Labels.queue }}"))
        .hasMessageContaining("cannot read {{ .Labels.queue }}");
  }
}
