package io.frmonitor.collect.rabbitmq;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict and timing of one decoded result message (facts §2.4, §2.5, §2.10). Pure.
 *
 * @param processedAt the worker's own end time, when producers add an epoch {@code processed_ts}
 */
record ResultFacts(
    String outcome, boolean error, Optional<Instant> ingestedAt, Optional<Instant> processedAt) {
  static final String FACE = "face";
  static final String PHONE = "phone";

  /** The facts of a result dict of the given pipeline type, or empty when it is not one. */
  static Optional<ResultFacts> of(Object decoded, String pipeline) {
    if (!(decoded instanceof Map<?, ?> m) || !m.containsKey("image_object_key")) {
      return Optional.empty();
    }
    Optional<Instant> ingested = FrameFacts.epoch(m.get("ingest_ts"));
    if (ingested.isEmpty() && m.get("image_object_key") instanceof String key) {
      ingested = FrameFacts.keyTime(key);
    }
    Optional<Instant> processed = FrameFacts.epoch(m.get("processed_ts"));
    if (m.containsKey("processing_error")) {
      return Optional.of(new ResultFacts("processing_error", true, ingested, processed));
    }
    String outcome = pipeline.equals(FACE) ? faceOutcome(m) : phoneOutcome(m);
    return Optional.of(new ResultFacts(outcome, false, ingested, processed));
  }

  /** The decision manager's own order: no face, then spoof, then wrong user (facts §2.6). */
  private static String faceOutcome(Map<?, ?> m) {
    if (!Boolean.TRUE.equals(m.get("detection_success"))) {
      return "no_face";
    }
    if (Boolean.TRUE.equals(m.get("check_spoof"))) {
      return "spoof";
    }
    if (!Boolean.TRUE.equals(m.get("check_client"))) {
      return "wrong_user";
    }
    return "pass";
  }

  private static String phoneOutcome(Map<?, ?> m) {
    Object box = m.get("phone_bbox");
    return box instanceof java.util.List<?> ? "phone_detected" : "pass";
  }
}
