package io.frmonitor.family;

import io.frmonitor.metric.MetricDef;
import io.frmonitor.model.Family;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Everything the outputs need to know about one family, registered once in the composition root:
 * its REST body ({@code /metrics/<name>}) which is also its live topic ({@code <name>}), its
 * metrics and how their samples are written ({@code /prometheus}, the alert engine), its history
 * series ({@code /history}), and its dashboard card. Each output that does not apply is declared
 * with the reason, so a test can demand that every family reaches every other output.
 *
 * <p>Thread safety: immutable; its functions are pure and may run on any thread.
 *
 * @param <T> the family's snapshot type
 */
public final class FamilySpec<T> {
  private final Family<T> family;
  private final String title;
  private final T example;
  private final List<MetricDef> metrics;
  private final SampleSource<T> samples;
  private final Function<T, Map<String, Double>> series;
  private final Optional<Rest> rest;
  private final Optional<Card> card;
  private final Set<Family<?>> reads;
  private final Map<Output, String> notApplicable;
  private final Map<String, Signal> observes;
  private final Map<String, List<SeriesSignal>> observesWhere;
  private final String path;

  private FamilySpec(Builder<T> b) {
    this.family = b.family;
    this.title = b.title;
    this.example = Objects.requireNonNull(b.example, "example");
    this.metrics = List.copyOf(b.metrics);
    this.samples = b.samples;
    this.series = b.series;
    this.rest = Optional.ofNullable(b.rest);
    this.card = Optional.ofNullable(b.card);
    Set<Family<?>> all = new LinkedHashSet<>();
    all.add(b.family);
    all.addAll(b.alsoReads);
    this.reads = Set.copyOf(all);
    this.notApplicable = Map.copyOf(b.notApplicable);
    this.observes = Map.copyOf(b.observes);
    this.observesWhere = Map.copyOf(b.observesWhere);
    this.path = b.path != null ? b.path : "/metrics/" + b.family.name();
  }

  /**
   * The signal a metric of this family shows, by exposed name, for a metric written only while some
   * source sees that signal ({@link Signals}); empty for the others.
   */
  public Optional<Signal> signalOf(String exposedName) {
    return Optional.ofNullable(observes.get(exposedName));
  }

  /**
   * The signals some series of a metric show, by exposed name: those with one label's value (the
   * {@code ingest_to_result} stage of the latency histogram shows the result latency).
   */
  public List<SeriesSignal> signalsWhere(String exposedName) {
    return observesWhere.getOrDefault(exposedName, List.of());
  }

  /** The series of a metric with {@code label="value"} show {@code signal}. */
  public record SeriesSignal(String label, String value, Signal signal) {}

  public static <T> Builder<T> of(Family<T> family, String title) {
    return new Builder<>(family, title);
  }

  public Family<T> family() {
    return family;
  }

  /** The family's name: its REST path's last segment, its topic and its card's id. */
  public String name() {
    return family.name();
  }

  /** A short human title (the card's heading). */
  public String title() {
    return title;
  }

  /**
   * A typical snapshot: what {@code openapi.json} shows as the body's example, and what the tests
   * publish to check that the family reaches every output.
   */
  public T example() {
    return example;
  }

  /** Where its REST endpoint is: {@code /metrics/<name>}, unless the family says otherwise. */
  public String path() {
    return path;
  }

  /** Every metric the family may write, each defined once. */
  public List<MetricDef> metrics() {
    return metrics;
  }

  public SampleSource<T> samples() {
    return samples;
  }

  /** The history points of one snapshot, named {@code <family>.<field>[:<label>]}. */
  public Map<String, Double> series(T snapshot) {
    return series.apply(snapshot);
  }

  public Optional<Rest> rest() {
    return rest;
  }

  public Optional<Card> card() {
    return card;
  }

  /** The families whose change changes this family's body: its own and any it also reads. */
  public Set<Family<?>> reads() {
    return reads;
  }

  /** The outputs this family reaches. */
  public Set<Output> outputs() {
    Set<Output> out = EnumSet.allOf(Output.class);
    out.removeAll(notApplicable.keySet());
    return out;
  }

  /** Why an output does not apply to this family; empty when it does. */
  public Optional<String> notApplicable(Output output) {
    return Optional.ofNullable(notApplicable.get(output));
  }

  @Override
  public String toString() {
    return "family " + family.name();
  }

  /**
   * Builds a spec. Every output must be given or declared not applicable with a reason; {@link
   * #build()} says which is missing.
   */
  public static final class Builder<T> {
    private final Family<T> family;
    private final String title;
    private @Nullable T example;
    private List<MetricDef> metrics = List.of();
    private SampleSource<T> samples = (latest, registry, out) -> {};
    private Function<T, Map<String, Double>> series = s -> Map.of();
    private boolean seriesGiven;
    private boolean samplesGiven;
    private @Nullable Rest rest;
    private @Nullable Card card;
    private @Nullable String path;
    private Set<Family<?>> alsoReads = Set.of();
    private final Map<String, Signal> observes = new java.util.HashMap<>();
    private final Map<String, List<SeriesSignal>> observesWhere = new java.util.HashMap<>();
    private final Map<Output, String> notApplicable = new EnumMap<>(Output.class);

    private Builder(Family<T> family, String title) {
      this.family = family;
      this.title = title;
    }

    /** A typical snapshot (see {@link FamilySpec#example()}). */
    public Builder<T> example(T example) {
      this.example = example;
      return this;
    }

    /** The metrics and the writer of their samples. */
    public Builder<T> samples(List<MetricDef> metrics, SampleSource<T> samples) {
      this.metrics = metrics;
      this.samples = samples;
      this.samplesGiven = true;
      return this;
    }

    public Builder<T> series(Function<T, Map<String, Double>> series) {
      this.series = series;
      this.seriesGiven = true;
      return this;
    }

    public Builder<T> rest(Rest rest) {
      this.rest = rest;
      return this;
    }

    public Builder<T> card(Card card) {
      this.card = card;
      return this;
    }

    /** Other families the body shows (the pipelines body shows the results family's numbers). */
    public Builder<T> alsoReads(Family<?>... families) {
      this.alsoReads = Set.of(families);
      return this;
    }

    /**
     * These metrics show {@code signal}: they are written only while a source sees it, and are
     * unknown — not 0 — otherwise (what the alert rules on them say).
     */
    public Builder<T> observes(Signal signal, MetricDef... signalMetrics) {
      for (MetricDef m : signalMetrics) {
        observes.put(m.exposedName(), signal);
      }
      return this;
    }

    /**
     * The series of {@code metric} with {@code label="value"} show {@code signal}: they are written
     * only while a source sees it (its other series may be seen otherwise).
     */
    public Builder<T> observesWhere(Signal signal, MetricDef metric, String label, String value) {
      if (!metric.labelNames().contains(label)) {
        throw new IllegalArgumentException(label + " is not a label of " + metric.exposedName());
      }
      observesWhere
          .computeIfAbsent(metric.exposedName(), k -> new ArrayList<>())
          .add(new SeriesSignal(label, value, signal));
      return this;
    }

    /** Serves the REST endpoint at {@code path} instead of {@code /metrics/<name>}. */
    public Builder<T> path(String restPath) {
      if (!restPath.startsWith("/") || restPath.endsWith("/")) {
        throw new IllegalArgumentException(
            "a path starts with / and does not end with it: " + restPath);
      }
      this.path = restPath;
      return this;
    }

    /** Declares that an output does not apply, and why. */
    public Builder<T> without(Output output, String reason) {
      if (reason.isBlank()) {
        throw new IllegalArgumentException("say why " + output.label() + " does not apply");
      }
      notApplicable.put(output, reason);
      return this;
    }

    public FamilySpec<T> build() {
      if (example == null) {
        throw new IllegalStateException("family " + family.name() + " has no example snapshot");
      }
      require(Output.REST, rest != null);
      require(Output.LIVE, rest != null);
      require(Output.PROMETHEUS, samplesGiven && !metrics.isEmpty());
      require(Output.HISTORY, seriesGiven);
      require(Output.CARD, card != null);
      return new FamilySpec<>(this);
    }

    private void require(Output output, boolean given) {
      boolean declared = notApplicable.containsKey(output);
      if (given == declared && !(output == Output.LIVE && given)) {
        throw new IllegalStateException(
            "family "
                + family.name()
                + (given
                    ? " both gives and declines " + output.label()
                    : " neither gives " + output.label() + " nor says why it does not apply"));
      }
    }
  }
}
