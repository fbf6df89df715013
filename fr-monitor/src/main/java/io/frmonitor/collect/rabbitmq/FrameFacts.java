package io.frmonitor.collect.rabbitmq;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What one decoded frame message tells (facts §2.3, §2.9): the client, the frame's size and when
 * the gateway ingested it. Pure.
 *
 * <p>Ingest time: an epoch {@code ingest_ts} (seconds or milliseconds) when producers add one, else
 * the UTC microsecond stamp inside {@code image_object_key} ({@code
 * frames/<client>/<YYYYmmddTHHMMSSffffff>Z-<hex>.jpg}). The {@code send_time} string ({@code
 * HH-MM-SS}, local, no date) is never used.
 */
record FrameFacts(String client, long sizeBytes, Optional<Instant> ingestedAt) {
  private static final Pattern KEY_STAMP = Pattern.compile("/(\\d{8}T\\d{12})Z-[^/]*$");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSSSSS");

  /** Epoch values above this are milliseconds (2001-09-09 in seconds would be 1e9). */
  private static final double MILLIS_THRESHOLD = 1e11;

  /** The facts of a decoded frame dict, or empty when it is not one (no client name). */
  static Optional<FrameFacts> of(Object decoded) {
    if (!(decoded instanceof Map<?, ?> m)) {
      return Optional.empty();
    }
    Object client = m.get("client_name") instanceof String c ? c : m.get("user_name");
    if (!(client instanceof String name) || name.isEmpty()) {
      return Optional.empty();
    }
    long size = m.get("frame_size_bytes") instanceof Number n ? n.longValue() : -1;
    Optional<Instant> ingested = epoch(m.get("ingest_ts"));
    if (ingested.isEmpty() && m.get("image_object_key") instanceof String key) {
      ingested = keyTime(key);
    }
    return Optional.of(new FrameFacts(name, size, ingested));
  }

  static Optional<Instant> epoch(@Nullable Object value) {
    if (!(value instanceof Number n) || n.doubleValue() <= 0) {
      return Optional.empty();
    }
    double v = n.doubleValue();
    long millis = (long) (v > MILLIS_THRESHOLD ? v : v * 1000);
    return Optional.of(Instant.ofEpochMilli(millis));
  }

  static Optional<Instant> keyTime(String key) {
    Matcher m = KEY_STAMP.matcher(key);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
