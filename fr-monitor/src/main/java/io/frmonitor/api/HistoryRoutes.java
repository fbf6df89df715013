package io.frmonitor.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.frmonitor.config.Durations;
import io.frmonitor.family.Query;
import io.frmonitor.model.Provenance;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.registry.TimeSeriesRing;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
    Duration window = query.window(registry.historyWindow()).orElse(registry.historyWindow());
    String param = ctx.queryParam("series");
    if (param == null) {
      Responses.json(
          ctx,
          Map.of(
              "history_window", Durations.format(registry.historyWindow()),
              "series", registry.allSeries().keySet()));
      return;
    }
    Map<String, TimeSeriesRing> selected = select(param);
    long from = registry.clock().millis() - window.toMillis();
    Responses.json(ctx, render(selected, window, from, registry.provenance()));
  }

  private Map<String, TimeSeriesRing> select(String param) {
    Map<String, TimeSeriesRing> selected = new LinkedHashMap<>();
    for (String raw : param.split(",", -1)) {
      String name = raw.trim();
      if (name.isEmpty()) {
        continue;
      }
      TimeSeriesRing ring =
          registry
              .series(name)
              .orElseThrow(
                  () ->
                      ApiException.badRequest(
                          "unknown series '" + name + "'; GET /history lists the known ones"));
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

  private static byte[] render(
      Map<String, TimeSeriesRing> selected,
      Duration window,
      long from,
      Optional<Provenance> provenance)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("window", Durations.format(window));
      g.writeNumberField("from", from);
      if (provenance.isPresent()) {
        // points before the restart came from the state file; none were collected in between
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
      g.writeObjectFieldStart("series");
      for (Map.Entry<String, TimeSeriesRing> e : selected.entrySet()) {
        TimeSeriesRing.SeriesPoints points = e.getValue().since(from);
        g.writeArrayFieldStart(e.getKey());
        for (int i = 0; i < points.size(); i++) {
          g.writeStartArray();
          g.writeNumber(points.time(i));
          g.writeNumber(points.value(i));
          g.writeEndArray();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    return out.toByteArray();
  }
}
