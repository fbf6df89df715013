package io.frmonitor.family;

import io.frmonitor.config.Durations;
import io.frmonitor.model.Family;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.registry.WindowStats;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Aggregates of a family's series over a window: {@code {"duration": "15m", "from": ms, "series":
 * {"cpu_percent": {"min", "avg", "max", "last", "count"}}}}. Series names drop the family prefix.
 */
public record WindowDto(String duration, long from, Map<String, WindowStats> series) {

  public static WindowDto of(MetricRegistry registry, Family<?> family, Duration window) {
    long from = registry.clock().millis() - window.toMillis();
    Map<String, WindowStats> stats = new LinkedHashMap<>();
    int prefix = family.seriesPrefix().length();
    registry
        .familySeries(family)
        .forEach(
            (name, ring) -> ring.stats(from).ifPresent(s -> stats.put(name.substring(prefix), s)));
    return new WindowDto(Durations.format(window), from, stats);
  }

  /** The aggregates a request's {@code window} asks for; null without one. */
  public static @Nullable WindowDto of(MetricRegistry registry, Family<?> family, Query query) {
    Optional<Duration> window = query.window(registry.historyWindow());
    return window.map(w -> of(registry, family, w)).orElse(null);
  }
}
