package io.frmonitor.alert.engine;

import io.frmonitor.alert.eval.Availability;
import io.frmonitor.alert.eval.Observation;
import io.frmonitor.alert.eval.Series;
import io.frmonitor.alert.eval.SeriesWindows;
import io.frmonitor.family.Catalog;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.family.Signal;
import io.frmonitor.family.Signals;
import io.frmonitor.metric.Sample;
import io.frmonitor.metric.Samples;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Health;
import io.frmonitor.registry.Latest;
import io.frmonitor.registry.MetricRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads what the rules need from the registry: the samples of the families their metrics belong to
 * (exactly as {@code /prometheus} would show them), and whether each metric can be read now — its
 * family collected and fresh, and the signal it shows observed by some source.
 *
 * <p>Thread safety: immutable; {@link #observe} may run on any thread.
 */
final class Observer {
  private final Catalog catalog;
  private final MetricRegistry registry;
  private final Set<String> metrics;
  private final Map<String, FamilySpec<?>> familyOf = new HashMap<>();
  private final Map<String, Signal> signalOf = new HashMap<>();
  private final List<FamilySpec<?>> families;
  private final boolean registryWide;

  Observer(Set<String> metrics, Catalog catalog, MetricRegistry registry) {
    this.catalog = catalog;
    this.registry = registry;
    this.metrics = Set.copyOf(metrics);
    Set<FamilySpec<?>> specs = new LinkedHashSet<>();
    boolean wide = false;
    for (String metric : metrics) {
      Optional<FamilySpec<?>> spec = catalog.familyOf(metric);
      if (spec.isPresent()) {
        familyOf.put(metric, spec.get());
        specs.add(spec.get());
        spec.get().signalOf(metric).ifPresent(s -> signalOf.put(metric, s));
      } else {
        wide = true;
      }
    }
    this.families = List.copyOf(specs);
    this.registryWide = wide;
  }

  /** The names of the families whose new snapshots may change what the rules see. */
  Set<String> triggers() {
    return families.stream().map(FamilySpec::name).collect(Collectors.toUnmodifiableSet());
  }

  /** What the rules see at {@code at}; records the windowed rules' past in {@code windows}. */
  Observation observe(Instant at, SeriesWindows windows) {
    Samples samples = new Samples();
    catalog.writeSamples(registry, samples, families, registryWide);
    Map<String, List<Series>> series = new TreeMap<>();
    List<Series> all = new ArrayList<>();
    for (Sample s : samples.all()) {
      String name = s.metric().exposedName();
      if (s.histogram().isPresent() || !metrics.contains(name)) {
        continue;
      }
      Series one = new Series(name, labels(s), s.value());
      series.computeIfAbsent(name, k -> new ArrayList<>()).add(one);
      all.add(one);
    }
    windows.record(at, all);
    return new Observation(at, series, availability(series.keySet()), windows);
  }

  private static Map<String, String> labels(Sample s) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < s.labelValues().size(); i++) {
      labels.put(s.metric().labelNames().get(i), s.labelValues().get(i));
    }
    return labels;
  }

  /**
   * Each metric's availability. A family's metric written while its family is stale is a value the
   * family stands by (a storage that is down is {@code fr_storage_up 0}): it counts as read.
   */
  private Map<String, Availability> availability(Set<String> written) {
    Map<String, Availability> out = new HashMap<>();
    Signals signals = signalOf.isEmpty() ? null : Signals.of(registry);
    for (String metric : metrics) {
      FamilySpec<?> spec = familyOf.get(metric);
      Availability a = spec == null ? Availability.OK : ofFamily(spec, written.contains(metric));
      Signal signal = signalOf.get(metric);
      if (a.available() && signal != null && signals != null) {
        Optional<String> why = signals.unobservable(signal);
        if (why.isPresent()) {
          a = Availability.notObservable(why.get());
        }
      }
      out.put(metric, a);
    }
    return out;
  }

  private Availability ofFamily(FamilySpec<?> spec, boolean written) {
    Optional<? extends Latest<?>> latest = registry.latest(spec.family());
    List<CollectorStatus> statuses = registry.statusesOf(spec.family());
    if (!statuses.isEmpty() && statuses.stream().allMatch(s -> s.health() == Health.DISABLED)) {
      // not a passing outage: the source does not exist here, or is switched off
      return Availability.notObservable(collectors(spec, statuses));
    }
    if (latest.isEmpty()) {
      return Availability.noData("not collected yet (" + collectors(spec, statuses) + ")");
    }
    if (latest.get().stale() && !written) {
      return Availability.noData("stale: " + collectors(spec, statuses));
    }
    return Availability.OK;
  }

  /** The collectors behind a family and how they fare, e.g. {@code collector gpu is down: …}. */
  private static String collectors(FamilySpec<?> spec, List<CollectorStatus> statuses) {
    List<String> parts = new ArrayList<>();
    for (CollectorStatus s : statuses) {
      parts.add(
          "collector "
              + s.name()
              + " is "
              + s.health().label()
              + s.lastError().map(e -> ": " + e).orElse(""));
    }
    return parts.isEmpty() ? "no collector publishes " + spec.name() : String.join("; ", parts);
  }
}
