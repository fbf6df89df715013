package io.frmonitor.collect.redis;

import io.frmonitor.model.RedisServerSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the text {@code INFO} answers — {@code key:value} lines under {@code # Section} headings —
 * and the fields fr-monitor uses from it. Pure; tested on captured answers of a primary and a
 * replica.
 */
final class RedisInfoParser {
  private RedisInfoParser() {}

  /** Every {@code key:value} line, whatever its section. */
  static Map<String, String> fields(String info) {
    Map<String, String> out = new HashMap<>();
    for (String line : info.split("\r?\n", -1)) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.charAt(0) != '#') {
        out.put(line.substring(0, colon), line.substring(colon + 1).trim());
      }
    }
    return out;
  }

  /** A field that must be there, as a whole number. */
  static long required(Map<String, String> fields, String name) {
    return optional(fields, name)
        .orElseThrow(
            () -> new IllegalArgumentException("INFO has no numeric " + name + " (not a Redis?)"));
  }

  /** A field that may be missing (older or newer Redis, a primary's replica fields). */
  static OptionalLong optional(Map<String, String> fields, String name) {
    String raw = fields.get(name);
    if (raw == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(raw));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("INFO " + name + " is not a whole number: " + raw, e);
    }
  }

  static Optional<String> text(Map<String, String> fields, String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** The {@code db<N>:keys=…,expires=…,avg_ttl=…} lines, by database index. */
  static List<RedisServerSnapshot.Database> databases(Map<String, String> fields) {
    List<RedisServerSnapshot.Database> out = new ArrayList<>();
    fields.forEach(
        (name, value) -> {
          if (name.matches("db[0-9]+")) {
            Map<String, Long> parts = new HashMap<>();
            for (String part : value.split(",", -1)) {
              int eq = part.indexOf('=');
              if (eq > 0) {
                parts.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
              }
            }
            out.add(
                new RedisServerSnapshot.Database(
                    Integer.parseInt(name.substring(2)),
                    parts.getOrDefault("keys", 0L),
                    parts.getOrDefault("expires", 0L)));
          }
        });
    out.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return out;
  }
}
