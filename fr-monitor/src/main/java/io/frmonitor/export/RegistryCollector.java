package io.frmonitor.export;

import io.frmonitor.family.Catalog;
import io.frmonitor.registry.MetricRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * Exposes every registered family's samples, and the monitor's own, at scrape time. What each
 * family writes (and that a stale family writes nothing) is the family's business; this class only
 * adapts the samples to the Prometheus client's snapshots.
 *
 * <p>Thread safety: stateless; scrapes may run concurrently.
 */
final class RegistryCollector implements MultiCollector {
  private final Catalog catalog;
  private final MetricRegistry registry;
  private final String server;

  RegistryCollector(Catalog catalog, MetricRegistry registry, String server) {
    this.catalog = catalog;
    this.registry = registry;
    this.server = server;
  }

  @Override
  public MetricSnapshots collect() {
    SnapshotBuilder b = new SnapshotBuilder(server);
    catalog.writeSamples(registry, b);
    return b.build();
  }
}
