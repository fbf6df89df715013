package io.frmonitor.family;

import java.util.OptionalInt;

/**
 * The fr-server's queues whose broker counters stand for a signal (facts §1.3): every message
 * published to one of them is one frame, result, action or saved action.
 */
public final class FrServerQueues {
  /** The gateway's accepted frames, before the pipelines manager routes them. */
  public static final String CLIENTS_DATA = "clients_data";

  /** The two result types, each with its results queue and its input queue per pipeline. */
  public static final java.util.List<String> PIPELINE_TYPES = java.util.List.of("face", "phone");

  public static final String FACE_RESULTS = "face_pipeline_results";
  public static final String PHONE_RESULTS = "phone_pipeline_results";
  public static final String ACTIONS = "actions";
  public static final String SAVED_ACTIONS = "saved_actions";

  private FrServerQueues() {}

  /** The results queue of a pipeline type ({@code face}, {@code phone}). */
  public static String results(String pipeline) {
    return pipeline + "_pipeline_results";
  }

  /** A GPU pipeline's input queue of one type: {@code PipeLine_<n>_face_data}. */
  public static String pipelineInput(int pipeline, String type) {
    return "PipeLine_" + pipeline + "_" + type + "_data";
  }

  /** The pipeline whose input queue of {@code type} this is; empty for any other queue. */
  public static OptionalInt pipelineOf(String queue, String type) {
    String prefix = "PipeLine_";
    String suffix = "_" + type + "_data";
    if (!queue.startsWith(prefix) || !queue.endsWith(suffix)) {
      return OptionalInt.empty();
    }
    String n = queue.substring(prefix.length(), queue.length() - suffix.length());
    if (n.isEmpty() || n.length() > 6 || !n.chars().allMatch(Character::isDigit)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(n));
  }
}
