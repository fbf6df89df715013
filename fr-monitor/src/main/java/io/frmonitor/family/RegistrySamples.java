package io.frmonitor.family;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.registry.MetricRegistry;
import java.util.List;

/**
 * Samples that belong to no one family: they are written from the whole registry (the collectors'
 * health, the sources of the signals).
 */
public interface RegistrySamples {
  /** Every metric it may write. */
  List<MetricDef> metrics();

  void write(MetricRegistry registry, SampleWriter out);
}
