package io.frmonitor.family;

import io.frmonitor.metric.SampleWriter;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import java.util.function.BiConsumer;

/**
 * Writes a family's samples from its latest snapshot — and, for a family whose signals can come
 * from several sources, from what the registry says of those sources ({@link Signals}).
 *
 * <p>Contract: a stale snapshot's values are not readings any more; most families write nothing
 * then ({@link #whenFresh}), so Prometheus and the alert engine see them vanish rather than freeze.
 * A family may still write what is true while stale (such as the storage family's {@code
 * fr_storage_up 0}). A signal no source observes now writes nothing either.
 */
@FunctionalInterface
public interface SampleSource<T> {
  void write(Latest<T> latest, MetricRegistry registry, SampleWriter out);

  /** Writes the snapshot's samples only while it is fresh. */
  static <T> SampleSource<T> whenFresh(BiConsumer<T, SampleWriter> write) {
    return (latest, registry, out) -> {
      if (!latest.stale()) {
        write.accept(latest.value(), out);
      }
    };
  }

  /** Writes from the latest snapshot, fresh or stale: the writer decides. */
  static <T> SampleSource<T> ofLatest(BiConsumer<Latest<T>, SampleWriter> write) {
    return (latest, registry, out) -> write.accept(latest, out);
  }
}
