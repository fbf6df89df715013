package io.frmonitor.alert.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {
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
    assertThat(render("{{ $labels.bytes | humanize1024 }}", 0)).isEqualTo("1.5Ki");
    assertThat(render("{{ $value | humanizeDuration }}", 90)).isEqualTo("1m 30s");
    assertThat(render("{{ $value | humanizeDuration }}", 0.25)).isEqualTo("250ms");
    assertThat(render("{{ $labels.missing }}!", 0)).isEqualTo("!");
    assertThat(render("no placeholders", 0)).isEqualTo("no placeholders");
  }

  @Test
  void refusesWhatItCannotRender() {
    assertThatThrownBy(() -> Template.parse("{{ $value | printf }}"))
        .hasMessageContaining("unknown helper 'printf'");
    assertThatThrownBy(() -> Template.parse("{{ .Labels.queue }}"))
        .hasMessageContaining("cannot read {{ .Labels.queue }}");
  }
}
