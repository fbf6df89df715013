package io.frmonitor.family;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.SampleWriter;
import io.frmonitor.model.CollectorStatus;
import io.frmonitor.model.Family;
import io.frmonitor.model.Health;
import io.frmonitor.registry.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every registered family, in the order the composition root registered them (the dashboard's card
 * order), plus the monitor's own metrics: the one view of "every metric the service knows" that the
 * outputs loop over.
 *
 * <p>Thread safety: immutable after construction.
 */
public final class Catalog {
  private final List<FamilySpec<?>> specs;
  private final Map<String, FamilySpec<?>> byName = new LinkedHashMap<>();
  private final List<RegistrySamples> extras;
  private final List<MetricDef> metrics;

  /**
   * @param extras samples written from the whole registry, after the families' (the monitor's own
   *     are always there)
   * @throws IllegalArgumentException when two families share a name, or two different definitions
   *     share a metric name
   */
  public Catalog(List<FamilySpec<?>> specs, List<RegistrySamples> extras) {
    this.specs = List.copyOf(specs);
    List<RegistrySamples> all = new ArrayList<>(extras);
    all.add(0, new MonitorSamples());
    this.extras = List.copyOf(all);
    Map<String, MetricDef> defs = new TreeMap<>();
    this.extras.forEach(
        e -> e.metrics().forEach(m -> define(defs, m, e.getClass().getSimpleName())));
    for (FamilySpec<?> spec : specs) {
      if (byName.put(spec.name(), spec) != null) {
        throw new IllegalArgumentException("two families named " + spec.name());
      }
      spec.metrics().forEach(m -> define(defs, m, spec.toString()));
    }
    List<MetricDef> sorted = new ArrayList<>(defs.values());
    sorted.sort(Comparator.comparing(MetricDef::name));
    this.metrics = List.copyOf(sorted);
  }

  private static void define(Map<String, MetricDef> defs, MetricDef metric, String owner) {
    MetricDef before = defs.putIfAbsent(metric.name(), metric);
    if (before != null && !before.equals(metric)) {
      throw new IllegalArgumentException(
          owner + " defines " + metric.name() + " differently: " + metric + " vs " + before);
    }
  }

  /** The families, in registration order. */
  public List<FamilySpec<?>> specs() {
    return specs;
  }

  public Optional<FamilySpec<?>> spec(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The spec of {@code family}, when one is registered. */
  @SuppressWarnings("unchecked") // a spec is registered under its own family's name
  public <T> Optional<FamilySpec<T>> spec(Family<T> family) {
    FamilySpec<?> spec = byName.get(family.name());
    return spec != null && spec.family().equals(family)
        ? Optional.of((FamilySpec<T>) spec)
        : Optional.empty();
  }

  /**
   * The families that write the metric of this exposed name (the latency histogram: the pipelines
   * family its routing stage, the results family its result stage); none for the registry's own.
   */
  public List<FamilySpec<?>> familiesOf(String exposedName) {
    List<FamilySpec<?>> out = new ArrayList<>();
    for (FamilySpec<?> spec : specs) {
      for (MetricDef m : spec.metrics()) {
        if (m.exposedName().equals(exposedName)) {
          out.add(spec);
          break;
        }
      }
    }
    return out;
  }

  /** Every metric definition, the families' and the monitor's own, sorted by name. */
  public List<MetricDef> metrics() {
    return metrics;
  }

  /** Writes every family's samples from its latest snapshot, then those of the whole registry. */
  public void writeSamples(MetricRegistry registry, SampleWriter out) {
    writeSamples(registry, out, specs, true);
  }

  /**
   * Writes the samples of some families only, and those of the whole registry when asked: what the
   * alert engine reads when its rules need only a few.
   */
  public void writeSamples(
      MetricRegistry registry,
      SampleWriter out,
      Collection<FamilySpec<?>> families,
      boolean registryWide) {
    for (FamilySpec<?> spec : families) {
      writeFamily(spec, registry, out);
    }
    if (registryWide) {
      extras.forEach(e -> e.write(registry, out));
    }
  }

  private static <T> void writeFamily(
      FamilySpec<T> spec, MetricRegistry registry, SampleWriter out) {
    registry.latest(spec.family()).ifPresent(latest -> spec.samples().write(latest, registry, out));
  }

  /**
   * A registry holding every family's example snapshot, published at {@code at} by a collector that
   * is {@code ok}: what {@code openapi.json}'s example bodies are rendered from.
   */
  public MetricRegistry examples(Instant at) {
    MetricRegistry registry =
        new MetricRegistry(
            Clock.fixed(at, ZoneOffset.UTC),
            Duration.ofHours(1),
            2,
            10_000,
            10,
            Duration.ofHours(1));
    defineSeries(registry);
    for (FamilySpec<?> spec : specs) {
      publishExample(spec, registry);
      registry.updateStatus(
          new CollectorStatus(
              spec.name(),
              List.of(spec.name()),
              Health.OK,
              Optional.of(at),
              Optional.empty(),
              0,
              Optional.empty(),
              false,
              1,
              0,
              Duration.ZERO,
              Duration.ZERO));
    }
    return registry;
  }

  private static <T> void publishExample(FamilySpec<T> spec, MetricRegistry registry) {
    registry.publish(spec.family(), spec.example());
  }

  /** Tells the registry how to turn each family's snapshot into history points. */
  public void defineSeries(MetricRegistry registry) {
    specs.forEach(spec -> defineSeries(spec, registry));
  }

  private static <T> void defineSeries(FamilySpec<T> spec, MetricRegistry registry) {
    registry.defineSeries(spec.family(), spec::series);
  }
}
