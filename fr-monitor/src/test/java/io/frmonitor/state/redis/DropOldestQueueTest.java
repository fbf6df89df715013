package io.frmonitor.state.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DropOldestQueueTest {
  private final DropOldestQueue<Integer> queue = new DropOldestQueue<>(3);

  @Test
  void aFullQueueDropsTheOldestAndCountsIt() {
    for (int i = 0; i < 5; i++) {
      queue.offer(i);
    }
    assertThat(queue.dropped()).isEqualTo(2);
    assertThat(queue.take(2)).containsExactly(2, 3);
    assertThat(queue.take(10)).containsExactly(4);
    assertThat(queue.take(10)).isEmpty();
  }

  @Test
  void aClosedQueueTakesNothingMoreButGivesWhatItHolds() {
    queue.offer(1);
    queue.close();
    queue.offer(2);
    assertThat(queue.size()).isEqualTo(1);
    assertThat(queue.await(0, false)).as("the consumer is told to finish").isFalse();
    assertThat(queue.take(10)).containsExactly(1);
  }

  @Test
  void aConsumerWithWorkOfItsOwnOrAnItemWaitsForNothing() {
    assertThat(queue.await(0, true)).isTrue();
    queue.offer(1);
    assertThat(queue.await(0, false)).isTrue();
  }

  @Test
  void aQueueHoldsAtLeastOne() {
    assertThatThrownBy(() -> new DropOldestQueue<String>(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
