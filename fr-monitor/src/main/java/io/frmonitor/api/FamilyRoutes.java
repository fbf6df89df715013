package io.frmonitor.api;

import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Query;
import io.frmonitor.family.Rest;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Family;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /metrics/<family>} for every registered family with a REST output. A plain request
 * (none of the family's parameters) is served from a per-family cache keyed by what the body is
 * made of — each read family's collection time and freshness, and the health of the collectors that
 * feed them — so repeated requests between collections cost one key comparison.
 *
 * <p>Thread safety: safe for concurrent requests.
 */
final class FamilyRoutes {
  private final MetricRegistry registry;
  private final Map<String, ResponseCache> caches = new ConcurrentHashMap<>();

  FamilyRoutes(MetricRegistry registry) {
    this.registry = registry;
  }

  void serve(FamilySpec<?> spec, Context ctx) throws IOException {
    Rest rest = spec.rest().orElseThrow();
    Query query = ctx::queryParam;
    if (!query.lacks(rest.paramNames())) {
      Responses.json(ctx, rest.body().render(registry, query));
      return;
    }
    ResponseCache cache = caches.computeIfAbsent(spec.name(), n -> new ResponseCache());
    byte[] body =
        cache.get(version(spec), () -> Json.bytes(rest.body().render(registry, Query.NONE)));
    Responses.send(ctx, Responses.JSON, body);
  }

  /** What a family's body is made of, compared by value. */
  private List<Object> version(FamilySpec<?> spec) {
    List<Object> key = new ArrayList<>();
    for (Family<?> family : spec.reads()) {
      Optional<? extends Latest<?>> latest = registry.latest(family);
      key.add(latest.map(l -> l.collectedAt().toEpochMilli() + ":" + l.stale()).orElse(""));
      for (CollectorStatus s : registry.statusesOf(family)) {
        key.add(s.name() + ":" + s.health() + ":" + s.lastError().orElse(""));
      }
    }
    return key;
  }
}
