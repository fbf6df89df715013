package io.frmonitor.family.pipelines;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.frmonitor.family.FrServerQueues;
import io.frmonitor.family.Nullables;
import io.frmonitor.model.QueueStats;
import io.frmonitor.model.QueuesSnapshot;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline workers as their input queues show them: a worker consumes its {@code
 * PipeLine_<N>_face_data} and {@code _phone_data} queues, so a queue without consumer is a dead
 * worker (or a dead half of one), and its depth is the worker's backlog.
 */
final class PipelineWorkers {
  private PipelineWorkers() {}

  /**
   * One worker.
   *
   * @param status up when both its queues have a consumer, down otherwise
   */
  public record Worker(
      int pipelineId,
      @JsonPropertyDescription("up: both queues have a consumer; down: at least one has none")
          String status,
      @Nullable Long faceConsumers,
      @Nullable Long phoneConsumers,
      @JsonPropertyDescription("ready + unacked of PipeLine_N_face_data") @Nullable Long faceDepth,
      @Nullable Long phoneDepth) {}

  /** The workers of every pipeline whose face or phone queue is watched and fresh. */
  static List<Worker> of(MetricRegistry registry) {
    Optional<QueuesSnapshot> queues =
        registry.latest(QueuesSnapshot.FAMILY).filter(l -> !l.stale()).map(Latest::value);
    Map<Integer, QueueStats[]> byPipeline = new TreeMap<>();
    queues.ifPresent(q -> q.queues().forEach(stats -> place(stats, byPipeline)));
    List<Worker> out = new ArrayList<>(byPipeline.size());
    byPipeline.forEach((id, pair) -> out.add(worker(id, pair[0], pair[1])));
    return out;
  }

  private static void place(QueueStats stats, Map<Integer, QueueStats[]> byPipeline) {
    for (int t = 0; t < FrServerQueues.PIPELINE_TYPES.size(); t++) {
      int type = t;
      FrServerQueues.pipelineOf(stats.name(), FrServerQueues.PIPELINE_TYPES.get(t))
          .ifPresent(n -> byPipeline.computeIfAbsent(n, k -> new QueueStats[2])[type] = stats);
    }
  }

  private static Worker worker(int id, @Nullable QueueStats face, @Nullable QueueStats phone) {
    boolean up = face != null && face.consumers() > 0 && phone != null && phone.consumers() > 0;
    return new Worker(
        id,
        up ? "up" : "down",
        face == null ? null : face.consumers(),
        phone == null ? null : phone.consumers(),
        face == null ? null : Nullables.of(face.depth()),
        phone == null ? null : Nullables.of(phone.depth()));
  }
}
