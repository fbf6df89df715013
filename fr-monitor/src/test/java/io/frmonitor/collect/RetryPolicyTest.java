package io.frmonitor.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void capsBackoffAtTwelveIntervalsOrOneMinute() {
    assertThat(RetryPolicy.forInterval(Duration.ofSeconds(5)).maxBackoff())
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(RetryPolicy.forInterval(Duration.ofSeconds(30)).maxBackoff())
        .isEqualTo(Duration.ofMinutes(6));
  }

  @Test
  void doublesPerFailureAndStaysAtTheCapOnceTheCircuitIsOpen() {
    RetryPolicy p = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 3);
    assertThat(p.delayAfter(0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.circuitOpen(2)).isFalse();
    assertThat(p.delayAfter(3)).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.circuitOpen(3)).isTrue();
    assertThat(p.delayAfter(1_000_000)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void rejectsACapShorterThanTheInterval() {
    assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(5), Duration.ofSeconds(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
