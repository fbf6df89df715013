package io.frmonitor.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What each stage needs to know about a message another stage sent, by frame key: the frame's dict
 * (for the workers, which copy it into results) and each result's verdict (for the decision
 * manager). The real services decode the pickle; the simulator wrote it and looks it up instead.
 * Entries go once used, or once known never to be used (a frame for a pipeline without a worker, a
 * delivery a stuck consumer keeps), so a long run holds only what is in flight.
 */
final class Ledger {
  /** A result as the worker made it. */
  record Result(
      Map<String, Object> payload, OutcomeMix.Face verdict, boolean phone, boolean failed) {}

  private final Map<String, Map<String, Object>> frames = new ConcurrentHashMap<>();
  private final Map<String, Integer> pending = new ConcurrentHashMap<>();
  private final Map<String, Result> results = new ConcurrentHashMap<>();

  void frame(String key, Map<String, Object> frame) {
    frames.put(key, frame);
    pending.put(key, 2);
  }

  /**
   * The frame's dict for one of its two results; forgotten after the second. Null when it is not
   * (or no longer) known.
   */
  @Nullable Map<String, Object> frameFor(String key) {
    Map<String, Object> f = frames.get(key);
    if (pending.merge(key, -1, Integer::sum) <= 0) {
      pending.remove(key);
      frames.remove(key);
    }
    return f;
  }

  /** A frame no worker will take (routed to a pipeline without one): nothing will ask for it. */
  void forget(String key) {
    pending.remove(key);
    frames.remove(key);
  }

  void result(String key, String type, Result r) {
    results.put(type + ":" + key, r);
  }

  /** The result of that type for the frame, once; null when there is none (any more). */
  @Nullable Result takeResult(String key, String type) {
    return results.remove(type + ":" + key);
  }
}
