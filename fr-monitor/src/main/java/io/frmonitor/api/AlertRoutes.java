package io.frmonitor.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.frmonitor.alert.engine.AlertEngine;
import io.frmonitor.alert.engine.AlertHistory;
import io.frmonitor.alert.engine.Silences;
import io.frmonitor.family.Query;
import io.frmonitor.family.alerts.AlertRulesDto;
import io.frmonitor.model.AlertsSnapshot;
import io.frmonitor.registry.MetricRegistry;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The alert engine's endpoints besides {@code /alerts} (a family's): {@code GET /alerts/rules},
 * {@code GET /alerts/history?after=<id>&limit=N}, and the silences — {@code GET}, {@code POST
 * /alerts/silences} (Alertmanager's silence JSON), {@code DELETE /alerts/silences/{id}}.
 */
final class AlertRoutes {
  static final int DEFAULT_LIMIT = 100;

  private final AlertEngine engine;
  private final MetricRegistry registry;

  AlertRoutes(AlertEngine engine, MetricRegistry registry) {
    this.engine = engine;
    this.registry = registry;
  }

  void rules(Context ctx) {
    Responses.json(ctx, AlertRulesDto.of(registry.latest(AlertsSnapshot.FAMILY)));
  }

  /** The state changes after {@code after} (oldest first), or the newest ones without it. */
  void history(Context ctx) {
    Query query = ctx::queryParam;
    AlertHistory history = engine.history();
    int limit = query.integer("limit", DEFAULT_LIMIT, 1, history.capacity());
    String after = ctx.queryParam("after");
    List<AlertHistory.Entry> entries =
        after == null ? history.newest(limit) : history.after(afterId(after), limit);
    Responses.json(
        ctx, new HistoryDto(history.lastId(), entries.stream().map(HistoryDto.Entry::of).toList()));
  }

  private static long afterId(String raw) {
    try {
      long id = Long.parseLong(raw.trim());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiException.badRequest("after must be an entry id (0 or more), got '" + raw + "'");
  }

  void silences(Context ctx) {
    Instant now = registry.clock().instant();
    Responses.json(
        ctx, engine.silences().list(now).stream().map(s -> SilenceJson.render(s, now)).toList());
  }

  void addSilence(Context ctx) {
    String type = ctx.header("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(Responses.JSON)) {
      // a JSON body cannot come from a foreign page without a CORS preflight
      throw ApiException.badRequest("send the silence as Content-Type: application/json");
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(ctx.bodyAsBytes());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw ApiException.badRequest("the body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("the body could not be read: " + e.getMessage());
    }
    Instant now = registry.clock().instant();
    Silences.Silence s;
    try {
      SilenceJson.Request r = SilenceJson.parse(body);
      s =
          engine
              .silences()
              .add(r.matchers(), r.startsAt(), r.endsAt(), r.createdBy(), r.comment(), now);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(String.valueOf(e.getMessage()));
    }
    engine.request();
    Responses.json(ctx, Map.of("silenceID", s.id()));
  }

  void deleteSilence(Context ctx) {
    String id = ctx.pathParam("id");
    if (!engine.silences().expire(id, registry.clock().instant())) {
      Responses.error(ctx, 404, "not_found", "no silence " + id);
      return;
    }
    engine.request();
    Responses.json(ctx, Map.of("silenceID", id, "status", "expired"));
  }

  /** {@code GET /alerts/history}. */
  record HistoryDto(long lastId, List<Entry> entries) {
    /** One state change. */
    record Entry(
        long id,
        long timestamp,
        String time,
        String alertname,
        String severity,
        String from,
        String to,
        Map<String, String> labels,
        @Nullable Double value,
        String summary,
        boolean silenced,
        String fingerprint) {
      static Entry of(AlertHistory.Entry e) {
        return new Entry(
            e.id(),
            e.at().toEpochMilli(),
            e.at().toString(),
            e.alertname(),
            e.severity(),
            e.from(),
            e.to(),
            new TreeMap<>(e.labels()),
            e.value().isPresent() ? e.value().getAsDouble() : null,
            e.summary(),
            e.silenced(),
            e.fingerprint());
      }
    }
  }
}
