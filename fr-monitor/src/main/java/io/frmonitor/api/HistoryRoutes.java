package io.frmonitor.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.frmonitor.config.Durations;
import io.frmonitor.family.Query;
import io.frmonitor.model.Provenance;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.registry.TimeSeriesRing;
import io.frmonitor.registry.TrendRing;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code GET /history}: without {@code series}, the names of all series; with {@code
 * series=a,b&window=15m}, their points as {@code [[epoch_ms, value], ...]}, oldest first.
 */
final class HistoryRoutes {
  static final int MAX_SERIES_PER_REQUEST = 50;

  private final MetricRegistry registry;

  HistoryRoutes(MetricRegistry registry) {
    this.registry = registry;
  }

  void history(Context ctx) throws IOException {
    Query query = ctx::queryParam;
    Duration full = registry.historyWindow();
    boolean trends = registry.trendWindow().compareTo(full) > 0;
    Duration window =
        query
            .window(
                trends ? registry.trendWindow() : full,
                trends ? "MONITORING_HISTORY_LONG_WINDOW" : "MONITORING_HISTORY_WINDOW")
            .orElse(full);
    String param = ctx.queryParam("series");
    if (param == null) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("history_window", Durations.format(full));
      body.put(
          "long_history_window",
          registry.trendWindow().isZero() ? null : Durations.format(registry.trendWindow()));
      Set<String> names = new TreeSet<>(registry.allSeries().keySet());
      names.addAll(registry.allTrends().keySet()); // after a long stop, some have only a trend
      body.put("series", names);
      Responses.json(ctx, body);
      return;
    }
    Map<String, Optional<TimeSeriesRing>> selected = select(param);
    long from = registry.clock().millis() - window.toMillis();
    Responses.json(
        ctx,
        window.compareTo(full) > 0
            ? renderTrends(selected.keySet(), window, from, registry.provenance())
            : render(selected, window, from, registry.provenance()));
  }

  /** The named series; one with only a trend (none of its points is recent) has no ring. */
  private Map<String, Optional<TimeSeriesRing>> select(String param) {
    Map<String, Optional<TimeSeriesRing>> selected = new LinkedHashMap<>();
    for (String raw : param.split(",", -1)) {
      String name = raw.trim();
      if (name.isEmpty()) {
        continue;
      }
      Optional<TimeSeriesRing> ring = registry.series(name);
      if (ring.isEmpty() && registry.trend(name).isEmpty()) {
        throw ApiException.badRequest(
            "unknown series '" + name + "'; GET /history lists the known ones");
      }
      selected.put(name, ring);
    }
    if (selected.isEmpty()) {
      throw ApiException.badRequest("series is empty; give one or more names, comma-separated");
    }
    if (selected.size() > MAX_SERIES_PER_REQUEST) {
      throw ApiException.badRequest(
          "at most " + MAX_SERIES_PER_REQUEST + " series per request, got " + selected.size());
    }
    return selected;
  }

  /** Where the points before the restart came from; none were collected in between. */
  private static void provenance(JsonGenerator g, Optional<Provenance> provenance)
      throws IOException {
    if (provenance.isEmpty()) {
      return;
    }
    Provenance p = provenance.get();
    g.writeObjectFieldStart("restored");
    g.writeStringField("source", p.source());
    g.writeNumberField("at", p.restoredAt().toEpochMilli());
    g.writeNumberField("up_to", p.upTo().toEpochMilli());
    g.writeObjectFieldStart("gap");
    g.writeNumberField("from", p.upTo().toEpochMilli());
    g.writeNumberField("to", p.restoredAt().toEpochMilli());
    g.writeEndObject();
    g.writeEndObject();
  }

  /**
   * A window beyond the full-resolution history, from the one-minute trends: each minute as {@code
   * [start_ms, min, avg, max]}; a minute without points is absent (a gap).
   */
  private byte[] renderTrends(
      Iterable<String> names, Duration window, long from, Optional<Provenance> provenance)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("window", Durations.format(window));
      g.writeStringField("resolution", "1m");
      g.writeArrayFieldStart("fields");
      for (String f : new String[] {"start", "min", "avg", "max"}) {
        g.writeString(f);
      }
      g.writeEndArray();
      g.writeNumberField("from", from);
      provenance(g, provenance);
      g.writeObjectFieldStart("series");
      for (String name : names) {
        g.writeArrayFieldStart(name);
        Optional<TrendRing> trend = registry.trend(name);
        if (trend.isPresent()) {
          TrendRing.TrendPoints p = trend.get().since(from);
          for (int i = 0; i < p.size(); i++) {
            g.writeStartArray();
            g.writeNumber(p.startMs(i));
            g.writeNumber(p.min(i));
            g.writeNumber(p.avg(i));
            g.writeNumber(p.max(i));
            g.writeEndArray();
          }
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  private static byte[] render(
      Map<String, Optional<TimeSeriesRing>> selected,
      Duration window,
      long from,
      Optional<Provenance> provenance)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("window", Durations.format(window));
      g.writeStringField("resolution", "collection");
      g.writeNumberField("from", from);
      provenance(g, provenance);
      g.writeObjectFieldStart("series");
      for (Map.Entry<String, Optional<TimeSeriesRing>> e : selected.entrySet()) {
        g.writeArrayFieldStart(e.getKey());
        if (e.getValue().isPresent()) {
          TimeSeriesRing.SeriesPoints points = e.getValue().get().since(from);
          for (int i = 0; i < points.size(); i++) {
            g.writeStartArray();
            g.writeNumber(points.time(i));
            g.writeNumber(points.value(i));
            g.writeEndArray();
          }
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    return out.toByteArray();
  }
}
