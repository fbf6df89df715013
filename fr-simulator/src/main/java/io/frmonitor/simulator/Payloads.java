package io.frmonitor.simulator;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The fr-server's message bodies as dicts, field for field as fr-server-facts.md §2 describes them
 * (pickled by {@link Pickle}).
 */
final class Payloads {
  /** The compose file's TZ for the gateway and the decision manager: their HH-MM-SS clocks. */
  static final ZoneId SERVER_ZONE = ZoneId.of("Africa/Cairo");

  static final String BUCKET = "face-frames";
  private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH-mm-ss");
  private static final DateTimeFormatter KEY_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSSSSS").withZone(ZoneOffset.UTC);
  private static final NdArray FACE = NdArray.image(240, 240, 3);

  private Payloads() {}

  /**
   * A frame as the gateway publishes it on {@code clients_data} (§2.3).
   *
   * @param firstOfSession the first frame of a session also carries the client's address
   * @param ingestTs the epoch-ms {@code ingest_ts} of the improved producers, or null
   */
  static Map<String, Object> frame(
      String client,
      Instant now,
      boolean firstOfSession,
      @Nullable Long ingestTs,
      RandomGenerator random) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("client_name", client);
    f.put("send_time", HMS.format(now.atZone(SERVER_ZONE)));
    f.put("frame_size_bytes", 15_000 + random.nextInt(10_000));
    f.put(
        "image_object_key",
        "frames/"
            + client
            + "/"
            + KEY_TIME.format(now)
            + "Z-"
            + String.format("%012x", random.nextLong() & 0xffffffffffffL)
            + ".jpg");
    f.put("image_bucket", BUCKET);
    f.put("image_content_type", "image/jpeg");
    f.put("storage_provider", "minio");
    f.put("user_image", null);
    if (firstOfSession) {
      f.put("client_ip", "172.18.0.9");
      f.put("client_port", 40_000 + random.nextInt(20_000));
    }
    if (ingestTs != null) {
      f.put("ingest_ts", ingestTs);
    }
    return f;
  }

  /** When the gateway took the frame: its {@code ingest_ts}, else the UTC time in its key. */
  static long ingestMillis(Map<String, Object> frame) {
    if (frame.get("ingest_ts") instanceof Long ts) {
      return ts;
    }
    String key = Objects.requireNonNull((String) frame.get("image_object_key"), "image_object_key");
    int name = key.lastIndexOf('/') + 1;
    String stamp = key.substring(name, key.indexOf('Z', name));
    return LocalDateTime.parse(stamp, KEY_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** The frame's fields a result copies: all but {@code user_image}. */
  private static Map<String, Object> copy(Map<String, Object> frame) {
    Map<String, Object> r = new LinkedHashMap<>(frame);
    r.remove("user_image");
    return r;
  }

  /** A face result (§2.4): the success variant for a verdict. */
  static Map<String, Object> faceResult(Map<String, Object> frame, OutcomeMix.Face verdict) {
    Map<String, Object> r = copy(frame);
    boolean face = verdict != OutcomeMix.Face.NO_FACE;
    r.put("detection_success", face);
    r.put("face_bbox", face ? List.of(41, 30, 198, 212) : null);
    r.put("face_image", face ? FACE : null);
    r.put("check_client", face ? verdict != OutcomeMix.Face.WRONG_USER : null);
    r.put("check_spoof", face ? verdict == OutcomeMix.Face.SPOOF : null);
    if (face) {
      r.put("recognition_threshold", 0.3);
      r.put(
          "recognition_metric_value",
          new NpFloat64(verdict == OutcomeMix.Face.WRONG_USER ? 0.12 : 0.71));
    }
    return r;
  }

  /** A phone result (§2.5). */
  static Map<String, Object> phoneResult(Map<String, Object> frame, boolean phone) {
    Map<String, Object> r = copy(frame);
    r.put("phone_bbox", phone ? List.of(300, 200, 360, 310) : null);
    r.put("phone_confidence", phone ? 0.87 : null);
    return r;
  }

  /** The failure variant of a result (§2.4, §2.5). */
  static Map<String, Object> failure(Map<String, Object> frame, String pipeline) {
    Map<String, Object> r = copy(frame);
    r.put("pipeline", pipeline);
    r.put("processing_error", "RuntimeError: simulated inference failure");
    r.put(
        "processing_traceback",
        "Traceback (most recent call last):\n  File \"PipeLine.py\", line 1\nRuntimeError");
    return r;
  }

  /** An action (§2.6). */
  static Map<String, Object> action(Action a, Map<String, Object> result, Instant now) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("action", a.action());
    m.put("reason", a.reason());
    m.put("client_name", result.get("client_name"));
    m.put("send_time", result.get("send_time"));
    m.put("finish_time", HMS.format(now.atZone(SERVER_ZONE)));
    return m;
  }

  /** A saved action (§2.7); {@code Action_image} is None, as it usually is. */
  static Map<String, Object> savedAction(Action a, Map<String, Object> result, String type) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user_name", result.get("client_name"));
    m.put("Action_Reason", Map.of("action", a.action(), "reason", a.reason()));
    m.put("Action_image", null);
    m.put("action_image_object_key", null);
    m.put("action_image_bucket", null);
    m.put("detection_type", type);
    for (String k :
        new String[] {
          "image_object_key", "image_bucket", "image_content_type", "storage_provider"
        }) {
      m.put(k, result.get(k));
    }
    boolean face = type.equals("face");
    m.put("recognition_metric_value", face ? result.get("recognition_metric_value") : null);
    m.put("recognition_threshold", face ? result.get("recognition_threshold") : null);
    return m;
  }

  /** The decision manager's (action, reason) pairs (§2.8). */
  enum Action {
    NO_ACTION(0, 0),
    LOCK_SCREEN_NO_FACE(1, 7),
    LOCK_SCREEN_WRONG_USER(1, 6),
    SIGN_OUT_SPOOF(2, 5),
    SIGN_OUT_PHONE(2, 1);

    private final int action;
    private final int reason;

    Action(int action, int reason) {
      this.action = action;
      this.reason = reason;
    }

    int action() {
      return action;
    }

    int reason() {
      return reason;
    }

    /** The face rule order of §2.6; a failure (no {@code face_bbox}) is no face. */
    static Action forFace(OutcomeMix.Face verdict, boolean failed) {
      if (failed || verdict == OutcomeMix.Face.NO_FACE) {
        return LOCK_SCREEN_NO_FACE;
      }
      return switch (verdict) {
        case SPOOF -> SIGN_OUT_SPOOF;
        case WRONG_USER -> LOCK_SCREEN_WRONG_USER;
        default -> NO_ACTION;
      };
    }
  }
}
