package io.frmonitor.family;

import io.frmonitor.model.DecisionsSnapshot;
import io.frmonitor.model.LatencyHistogram;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.model.QueueCounters;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.model.ResultsSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Snapshots as the collectors publish them, for the families' unit tests. */
public final class Snapshots {
  private Snapshots() {}

  /**
   * A queue as the management API lists it after the counter tracker: {@code published} and {@code
   * acked} (= delivered) since fr-monitor started watching, no redelivery.
   */
  public static QueueStats queue(
      String name, long depth, long consumers, long published, long acked, double publishRate) {
    return new QueueStats(
            name,
            0,
            OptionalLong.of(depth),
            OptionalLong.of(depth),
            consumers,
            OptionalDouble.of(publishRate),
            OptionalDouble.of(publishRate),
            OptionalDouble.of(publishRate),
            OptionalDouble.of(0),
            OptionalDouble.empty())
        .withCounters(
            new QueueCounters(
                OptionalLong.of(published),
                OptionalLong.of(acked),
                OptionalLong.of(acked),
                OptionalLong.of(0)));
  }

  /** The management API's view of the vhost. */
  public static QueuesSnapshot queues(boolean tracing, QueueStats... queues) {
    return new QueuesSnapshot(
        QueuesSnapshot.MANAGEMENT_API, false, queues.length, List.of(queues), Optional.of(tracing));
  }

  /** The frame tap after {@code frames} frames to pipeline 0. */
  public static PipelinesSnapshot frames(long frames) {
    return new PipelinesSnapshot(
        frames,
        OptionalDouble.of(25),
        frames * 40_000,
        0,
        List.of(
            new PipelinesSnapshot.Routing(0, frames, OptionalDouble.of(25), Optional.of(true), 5)),
        List.of(),
        Map.of(),
        LatencyHistogram.EMPTY);
  }

  /** Results seen one by one: {@code fromTap} through the tap, the rest through the firehose. */
  public static ResultsSnapshot results(long face, long fromTap) {
    ResultsSnapshot.Pipeline p =
        new ResultsSnapshot.Pipeline(
            "face",
            face,
            OptionalDouble.of(25),
            face - 1,
            1,
            Map.of("pass", face - 1, "processing_error", 1L),
            Map.of(),
            LatencyHistogram.EMPTY);
    return new ResultsSnapshot(List.of(p), 0, fromTap, face - fromTap);
  }

  /** The firehose's decisions; {@code tracing}: whether the vhost is traced now. */
  public static DecisionsSnapshot decisions(boolean tracing) {
    return new DecisionsSnapshot(
        Map.of("lock_screen", Map.of("no_face", 3L), "no_action", Map.of("empty_reason", 7L)),
        20,
        tracing ? OptionalDouble.of(2.0) : OptionalDouble.empty(),
        tracing ? OptionalDouble.of(4.0) : OptionalDouble.empty(),
        tracing);
  }
}
