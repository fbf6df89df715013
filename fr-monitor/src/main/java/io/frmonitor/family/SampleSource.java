package io.frmonitor.family;

import io.frmonitor.metric.SampleWriter;
import io.frmonitor.registry.Latest;
import java.util.function.BiConsumer;

/**
 * Writes a family's samples from its latest snapshot.
 *
 * <p>Contract: a stale snapshot's values are not readings any more; most families write nothing
 * then ({@link #whenFresh}), so Prometheus and the alert engine see them vanish rather than freeze.
 * A family may still write what is true while stale (such as the storage family's {@code
 * fr_storage_up 0}).
 */
@FunctionalInterface
public interface SampleSource<T> {
  void write(Latest<T> latest, SampleWriter out);

  /** Writes the snapshot's samples only while it is fresh. */
  static <T> SampleSource<T> whenFresh(BiConsumer<T, SampleWriter> write) {
    return (latest, out) -> {
      if (!latest.stale()) {
        write.accept(latest.value(), out);
      }
    };
  }
}
