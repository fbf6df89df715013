package io.frmonitor.api;

import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Families;
import io.frmonitor.model.Family;
import io.frmonitor.model.GpuSnapshot;
import io.frmonitor.model.HostSnapshot;
import io.frmonitor.model.PipelinesSnapshot;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code /metrics/system} and {@code /metrics/gpu}; plain requests are served from a cache. */
final class MetricsRoutes {
  private final MetricRegistry registry;
  private final ResponseCache systemCache = new ResponseCache();
  private final ResponseCache gpuCache = new ResponseCache();

  MetricsRoutes(MetricRegistry registry) {
    this.registry = registry;
  }

  void system(Context ctx) {
    Optional<Duration> window = window(ctx);
    Optional<Latest<HostSnapshot>> latest = registry.latest(Families.SYSTEM);
    if (window.isPresent()) {
      Responses.json(ctx, SystemDto.of(latest, windowOf(Families.SYSTEM, window.get())));
      return;
    }
    Object key = latest.map(l -> List.of(l.collectedAt(), l.stale())).orElse(null);
    Responses.json(ctx, systemCache.get(key, () -> Json.bytes(SystemDto.of(latest, null))));
  }

  void gpu(Context ctx) {
    Optional<Duration> window = window(ctx);
    Optional<Latest<GpuSnapshot>> latest = registry.latest(Families.GPU);
    Optional<CollectorStatus> status = Optional.ofNullable(registry.statuses().get("gpu"));
    if (window.isPresent()) {
      Responses.json(ctx, GpuDto.of(latest, status, windowOf(Families.GPU, window.get())));
      return;
    }
    Object key =
        List.of(
            latest.map(Latest::collectedAt).orElse(Instant.EPOCH),
            latest.map(Latest::stale).orElse(true),
            status.map(s -> s.health() + ":" + s.lastError().orElse("")).orElse(""));
    Responses.json(ctx, gpuCache.get(key, () -> Json.bytes(GpuDto.of(latest, status, null))));
  }

  void pipelines(Context ctx) {
    Duration window =
        LatencyWindows.roundUp(
            WindowQuery.parse(ctx.queryParam("window"), registry.historyWindow())
                .orElse(PipelinesSnapshot.LATENCY_WINDOW));
    Responses.json(
        ctx,
        PipelinesDto.of(
            registry.latest(Families.PIPELINES), registry.latest(Families.RESULTS), window));
  }

  void gateways(Context ctx) {
    Responses.json(ctx, GatewaysDto.of(registry.latest(Families.GATEWAYS)));
  }

  void storage(Context ctx) {
    Responses.json(ctx, StorageDto.of(registry.latest(Families.STORAGE)));
  }

  void queues(Context ctx) {
    Responses.json(ctx, QueuesDto.of(registry.latest(Families.QUEUES)));
  }

  void clients(Context ctx) {
    ClientQuery query =
        ClientQuery.parse(
            ctx.queryParam("state"),
            ctx.queryParam("q"),
            ctx.queryParam("offset"),
            ctx.queryParam("limit"));
    Responses.json(ctx, ClientsDto.of(registry.latest(Families.CLIENTS), query));
  }

  private Optional<Duration> window(Context ctx) {
    return WindowQuery.parse(ctx.queryParam("window"), registry.historyWindow());
  }

  private WindowDto windowOf(Family<?> family, Duration window) {
    return WindowDto.of(registry, family, window);
  }
}
