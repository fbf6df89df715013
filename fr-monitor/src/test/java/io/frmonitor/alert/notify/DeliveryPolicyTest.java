package io.frmonitor.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Backoff doubles from the first wait up to the cap. */
class DeliveryPolicyTest {
  @Test
  void backoffDoublesUpToTheCap() {
    DeliveryPolicy p = DeliveryPolicy.DEFAULTS;
    assertThat(
            java.util.stream.IntStream.rangeClosed(1, 7)
                .mapToObj(p::backoff)
                .map(Duration::toSeconds)
                .toList())
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    DeliveryPolicy p = DeliveryPolicy.DEFAULTS;
    assertThat(p.capacity()).isEqualTo(64);
    assertThat(p.maxAttempts()).isEqualTo(5);
    assertThat(p.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(p.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void rejectsAnEmptyQueue() {
    assertThatThrownBy(
            () ->
                new DeliveryPolicy(
                    0,
                    1,
                    Duration.ZERO,
                    Duration.ZERO,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
