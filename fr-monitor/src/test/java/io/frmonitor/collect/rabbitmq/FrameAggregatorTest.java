package io.frmonitor.collect.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The frame tap's counters, fed directly. */
class FrameAggregatorTest {
  private static FrameFacts from(String client) {
    return new FrameFacts(client, 1000, Optional.empty());
  }

  @Test
  void eachClientListsThePipelinesItsFramesWentToAscendingAndOnce() {
    FrameAggregator aggregator = new FrameAggregator(4);
    aggregator.frame(3, from("obama"), -1);
    aggregator.frame(1, from("obama"), -1);
    aggregator.frame(3, from("obama"), -1);
    aggregator.frame(0, from("biden"), -1);

    assertThat(aggregator.clients())
        .containsExactly(
            java.util.Map.entry("biden", new FrameAggregator.ClientCount(1, List.of(0))),
            java.util.Map.entry("obama", new FrameAggregator.ClientCount(3, List.of(1, 3))));
  }

  @Test
  void aFrameForAnUntappedPipelineCountsForTheClientButNamesNoPipeline() {
    FrameAggregator aggregator = new FrameAggregator(4);
    aggregator.frame(-1, from("obama"), -1);
    aggregator.frame(4, from("obama"), -1);

    assertThat(aggregator.clients().get("obama"))
        .isEqualTo(new FrameAggregator.ClientCount(2, List.of()));
  }

  @Test
  void pipelineIdsBeyondSixtyThreeAreKeptToo() {
    FrameAggregator aggregator = new FrameAggregator(256);
    for (int id : new int[] {255, 64, 63, 0, 128, 64}) {
      aggregator.frame(id, from("obama"), -1);
    }
    assertThat(aggregator.clients().get("obama").pipelines()).containsExactly(0, 63, 64, 128, 255);

    FrameAggregator all = new FrameAggregator(256);
    IntStream.range(0, 256).forEach(id -> all.frame(id, from("biden"), -1));
    assertThat(all.clients().get("biden").pipelines())
        .containsExactlyElementsOf(IntStream.range(0, 256).boxed().toList());
  }

  @Test
  void theClientsBeyondTheCapShareOneEntryWithTheUnionOfTheirPipelines() {
    FrameAggregator aggregator = new FrameAggregator(8);
    for (int i = 0; i < FrameAggregator.MAX_CLIENTS; i++) {
      aggregator.frame(0, from("client-" + i), -1);
    }
    aggregator.frame(5, from("late-1"), -1);
    aggregator.frame(7, from("late-2"), -1);

    assertThat(aggregator.clients()).hasSize(FrameAggregator.MAX_CLIENTS + 1);
    assertThat(aggregator.clients().get(FrameAggregator.OTHER_CLIENTS))
        .isEqualTo(new FrameAggregator.ClientCount(2, List.of(5, 7)));
  }
}
