package io.frmonitor.alert.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PromtoolTestFileTest {
  @Test
  void writesRunsAndWholeStepsInExpandingNotation() {
    assertThat(PromtoolTestFile.values(List.of(0.5, 0.5, 0.5, 2.0, 4.0, 6.0, 8.0, 7.0, 1.5, 3.0)))
        .isEqualTo("0.5x2 2+2x3 7 1.5 3");
    assertThat(PromtoolTestFile.values(List.of(30.0, 27.0, 24.0, 24.0))).isEqualTo("30-3x2 24");
    assertThat(PromtoolTestFile.values(List.of(1.0, 2.0, 3.0, 3.0, 3.0))).isEqualTo("1+1x2 3x1");
  }
}
