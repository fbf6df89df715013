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
import io.frmonitor.model.LatencyHistogram;
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
  private static final String BUCKET = "_bucket";

  private final Catalog catalog;
  private final MetricRegistry registry;
  private final Set<String> metrics;
  private final Map<String, List<FamilySpec<?>>> familiesOf = new HashMap<>();
  private final Map<String, Signal> signalOf = new HashMap<>();
  private final Map<String, List<FamilySpec.SeriesSignal>> signalsWhere = new HashMap<>();
  private final List<FamilySpec<?>> families;
  private final boolean registryWide;

  Observer(Set<String> metrics, Catalog catalog, MetricRegistry registry) {
    this.catalog = catalog;
    this.registry = registry;
    this.metrics = Set.copyOf(metrics);
    Set<FamilySpec<?>> specs = new LinkedHashSet<>();
    boolean wide = false;
    for (String metric : metrics) {
      String defined = definedName(metric);
      List<FamilySpec<?>> writers = catalog.familiesOf(defined);
      if (writers.isEmpty()) {
        wide = true;
      }
      for (FamilySpec<?> spec : writers) {
        familiesOf.computeIfAbsent(metric, k -> new ArrayList<>()).add(spec);
        specs.add(spec);
        spec.signalOf(defined).ifPresent(s -> signalOf.put(metric, s));
        if (!spec.signalsWhere(defined).isEmpty()) {
          signalsWhere.put(metric, spec.signalsWhere(defined));
        }
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
      if (s.histogram().isPresent()) {
        name += BUCKET;
      }
      if (!metrics.contains(name)) {
        continue;
      }
      List<Series> of = series.computeIfAbsent(name, k -> new ArrayList<>());
      if (s.histogram().isPresent()) {
        of.addAll(buckets(name, labels(s), s.histogram().get()));
      } else {
        of.add(new Series(name, labels(s), s.value()));
      }
    }
    series.values().forEach(all::addAll);
    windows.record(at, all);
    Map<String, Availability> availability = availability(series.keySet());
    return new Observation(at, series, availability, unobservableWhere(availability), windows);
  }

  /** A histogram's metric for its {@code _bucket} series; any other metric for itself. */
  private String definedName(String metric) {
    if (metric.endsWith(BUCKET) && catalog.familiesOf(metric).isEmpty()) {
      return metric.substring(0, metric.length() - BUCKET.length());
    }
    return metric;
  }

  /**
   * A histogram's cumulative {@code _bucket} series, in seconds, with {@code le} written as {@code
   * /prometheus} writes it ({@code 0.005}, {@code 1.0}, {@code +Inf}).
   */
  private static List<Series> buckets(String name, Map<String, String> labels, LatencyHistogram h) {
    List<Series> out = new ArrayList<>();
    long cumulative = 0;
    for (int i = 0; i < h.bucketCounts().size(); i++) {
      cumulative += h.bucketCounts().get(i);
      Map<String, String> withLe = new LinkedHashMap<>(labels);
      withLe.put(
          "le",
          i < h.bucketBoundsMs().size()
              ? Double.toString(h.bucketBoundsMs().get(i) / 1000)
              : "+Inf");
      out.add(new Series(name, withLe, cumulative));
    }
    return out;
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
      Availability a =
          ofFamilies(familiesOf.getOrDefault(metric, List.of()), written.contains(metric));
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

  /** Per available metric, its series that show a signal no source sees here. */
  private Map<String, List<Observation.Unobservable>> unobservableWhere(
      Map<String, Availability> availability) {
    Map<String, List<Observation.Unobservable>> out = new HashMap<>();
    if (signalsWhere.isEmpty()) {
      return out;
    }
    Signals signals = Signals.of(registry);
    signalsWhere.forEach(
        (metric, where) -> {
          if (!availability.getOrDefault(metric, Availability.OK).available()) {
            return;
          }
          for (FamilySpec.SeriesSignal w : where) {
            signals
                .unobservable(w.signal())
                .ifPresent(
                    why ->
                        out.computeIfAbsent(metric, k -> new ArrayList<>())
                            .add(
                                new Observation.Unobservable(
                                    w.label(), w.value(), Availability.notObservable(why))));
          }
        });
    return out;
  }

  /**
   * A metric's availability from its families': readable when one of them is (a metric two families
   * write is read from the one that has it); otherwise not observable when none can be, else
   * without data, for the first's reason.
   */
  private Availability ofFamilies(List<FamilySpec<?>> specs, boolean written) {
    List<Availability> missing = new ArrayList<>();
    for (FamilySpec<?> spec : specs) {
      Availability a = ofFamily(spec, written);
      if (a.available()) {
        return a;
      }
      missing.add(a);
    }
    if (missing.isEmpty()) {
      return Availability.OK;
    }
    Availability first = missing.get(0);
    return missing.stream().allMatch(Availability::unobservable)
        ? first
        : Availability.noData(first.reason().orElse("no data"));
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
