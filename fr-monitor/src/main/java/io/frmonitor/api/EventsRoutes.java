package io.frmonitor.api;

import io.frmonitor.family.Query;
import io.frmonitor.model.Event;
import io.frmonitor.registry.MetricRegistry;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /metrics/actions?limit=N&kind=K&client=C}: the event log (the seed's "recent
 * actions"), newest first by time — client state changes, collector and gateway status changes, and
 * the actions the firehose sees. Each event is {@code {"timestamp", "time", "kind", ...its
 * fields}}. {@code kind} and {@code client} keep only the events of that kind and of that client
 * (their {@code client} field); {@code limit} then takes the newest of those. The counts of
 * decisions by kind are a family of their own, {@code /metrics/decisions}.
 */
final class EventsRoutes {
  static final int DEFAULT_LIMIT = 100;

  private final MetricRegistry registry;
  private final int capacity;

  EventsRoutes(MetricRegistry registry, int capacity) {
    this.registry = registry;
    this.capacity = capacity;
  }

  void actions(Context ctx) {
    Query query = ctx::queryParam;
    int limit = query.integer("limit", DEFAULT_LIMIT, 1, capacity);
    Predicate<Event> filter = filter(given(query, "kind"), given(query, "client"));
    List<Map<String, Object>> events = new ArrayList<>();
    for (Event e : registry.events().newestMatching(limit, filter)) {
      events.add(render(e));
    }
    Responses.json(ctx, Map.of("events", events));
  }

  /**
   * Events of {@code kind} whose {@code client} field is {@code client}, exactly; a null argument
   * matches every event (an event without a {@code client} field matches only then).
   */
  static Predicate<Event> filter(@Nullable String kind, @Nullable String client) {
    return e ->
        (kind == null || e.kind().equals(kind))
            && (client == null || client.equals(e.fields().get("client")));
  }

  /** A parameter's value, or null when absent or blank. */
  private static @Nullable String given(Query query, String name) {
    String value = query.param(name);
    return value == null || value.isBlank() ? null : value;
  }

  /** One event as the API shows it: {@code timestamp}, {@code time}, {@code kind}, its fields. */
  static Map<String, Object> render(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timestamp", e.time().toEpochMilli());
    m.put("time", e.time().toString());
    m.put("kind", e.kind());
    new TreeMap<>(e.fields()).forEach(m::putIfAbsent);
    return m;
  }
}
