package io.frmonitor.family;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.registry.MetricRegistry;
import java.util.List;

/**
 * {@code fr_signal_source{signal, source}}: which source feeds each signal now, {@code
 * source="none"} for an unobservable one — so that a dashboard or an alert can tell a signal that
 * is 0 from one that is unknown (and has no sample at all).
 */
public final class SignalSamples implements RegistrySamples {
  static final MetricDef SOURCE =
      MetricDef.gauge(
          "fr_signal_source",
          "1 for the source that feeds a signal now (none: the signal is unobservable).",
          "signal",
          "source");

  @Override
  public List<MetricDef> metrics() {
    return List.of(SOURCE);
  }

  @Override
  public void write(MetricRegistry registry, SampleWriter out) {
    Signals signals = Signals.of(registry);
    for (Signal signal : Signal.values()) {
      out.value(
          SOURCE,
          1,
          signal.label(),
          signals.source(signal).map(SignalSource::label).orElse("none"));
    }
  }
}
