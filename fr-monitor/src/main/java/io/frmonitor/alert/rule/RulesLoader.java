package io.frmonitor.alert.rule;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.frmonitor.config.Durations;
import io.frmonitor.metric.MetricDef;
import io.frmonitor.metric.MetricType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads rules from YAML (docs/alerts.md): the shipped defaults from the class path, then an
 * operator's file, whose rules add to them — or, named like a shipped rule, change the fields they
 * give of it ({@code enabled: false} switches it off). Everything is checked against the metrics
 * the service defines, and the first problem stops loading with the file, the rule and the field.
 *
 * <p>Thread safety: stateless apart from its immutable inputs.
 */
public final class RulesLoader {
  /** The shipped rules, on the class path. */
  public static final String DEFAULTS = "/io/frmonitor/alert/default-rules.yml";

  private static final List<String> FIELDS =
      List.of(
          "alert",
          "enabled",
          "metric",
          "reduce",
          "window",
          "op",
          "threshold",
          "clear",
          "by",
          "divide_by",
          "quantile",
          "and",
          "for",
          "keep_firing_for",
          "severity",
          "no_data",
          "labels",
          "annotations");

  private static final List<String> GUARD_FIELDS =
      List.of("metric", "reduce", "window", "op", "threshold");

  private static final String BUCKET = "_bucket";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, MetricDef> metrics = new LinkedHashMap<>();

  /**
   * @param metrics every metric the service defines: what a rule may name
   */
  public RulesLoader(List<MetricDef> metrics) {
    metrics.forEach(m -> this.metrics.put(m.exposedName(), m));
  }

  /** The shipped defaults alone. */
  public RuleSet defaults() {
    return load(Optional.empty());
  }

  /**
   * The defaults with {@code file}'s changes.
   *
   * @throws RuleException naming the file, the rule and the field of the first problem
   */
  public RuleSet load(Optional<Path> file) {
    Map<String, ObjectNode> byName = new LinkedHashMap<>();
    Map<String, String> sourceOf = new LinkedHashMap<>();
    for (ObjectNode rule : rules(readDefaults(), "default rules")) {
      byName.put(rule.path("alert").asText(), rule);
      sourceOf.put(rule.path("alert").asText(), "default");
    }
    Set<String> disabled = new HashSet<>();
    if (file.isPresent()) {
      String where = file.get().toString();
      for (ObjectNode rule : rules(read(file.get()), where)) {
        String name = rule.path("alert").asText();
        ObjectNode shipped = byName.get(name);
        if (shipped != null && "default".equals(sourceOf.get(name))) {
          ObjectNode merged = shipped.deepCopy();
          merged.setAll(rule);
          byName.put(name, merged);
        } else if (shipped != null) {
          throw new RuleException(where + ": rule '" + name + "' is defined twice");
        } else if (!rule.path("enabled").asBoolean(true) && !rule.has("metric")) {
          // a switch for a shipped rule that does not exist: most likely a misspelt name
          throw new RuleException(
              where
                  + ": rule '"
                  + name
                  + "': field 'enabled': no shipped rule is named so (fr-monitor check-rules"
                  + " lists them)");
        } else {
          byName.put(name, rule);
        }
        sourceOf.put(name, where);
      }
    }
    List<AlertRule> out = new ArrayList<>();
    byName.forEach(
        (name, node) -> {
          String where = sourceOf.getOrDefault(name, "default rules");
          if (!node.path("enabled").asBoolean(true)) {
            disabled.add(name);
          } else {
            out.add(rule(node, where, name));
          }
        });
    return new RuleSet(out, disabled);
  }

  private static JsonNode readDefaults() {
    try (InputStream in = RulesLoader.class.getResourceAsStream(DEFAULTS)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULTS + " is missing from the jar");
      }
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("the shipped rules cannot be read: " + e, e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return YAML.readTree(Files.readString(file));
    } catch (JacksonException e) {
      throw new RuleException(file + ": not valid YAML: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new RuleException(file + ": cannot be read: " + e, e);
    }
  }

  /** The rule entries of a file: {@code rules:} followed by a list of mappings, each named. */
  private static List<ObjectNode> rules(JsonNode root, String where) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      return List.of();
    }
    JsonNode list = root.path("rules");
    if (!root.isObject() || !list.isArray()) {
      throw new RuleException(where + ": expected 'rules:' followed by a list of rules");
    }
    List<ObjectNode> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String at = where + ": rule #" + (i + 1);
      if (!(entry instanceof ObjectNode rule)) {
        throw new RuleException(at + ": expected a mapping of fields");
      }
      String name = rule.path("alert").asText("");
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new RuleException(
            at + ": field 'alert': expected a name of letters, digits and _ (got '" + name + "')");
      }
      if (!names.add(name)) {
        throw new RuleException(where + ": rule '" + name + "' is defined twice");
      }
      for (Map.Entry<String, JsonNode> field : rule.properties()) {
        if (!FIELDS.contains(field.getKey())) {
          throw new RuleException(
              where
                  + ": rule '"
                  + name
                  + "': unknown field '"
                  + field.getKey()
                  + "'; known: "
                  + FIELDS);
        }
      }
      out.add(rule);
    }
    return out;
  }

  private AlertRule rule(ObjectNode n, String where, String name) {
    Field f = new Field(n, where + ": rule '" + name + "'", "");
    Selector selector = f.selector("metric");
    OptionalDouble quantile = f.optionalNumber("quantile");
    MetricDef def = metric(f, "metric", selector, quantile.isPresent());
    Reduction reduction = f.choice("reduce", Reduction.class, Reduction.LAST);
    Duration window = window(f, reduction, def);
    Aggregation aggregation = aggregation(f, def, reduction, quantile);
    Comparison comparison;
    double threshold;
    if (reduction == Reduction.ABSENT) {
      comparison = Comparison.EQ;
      threshold = 1;
    } else {
      comparison = f.comparison("op");
      threshold = f.number("threshold");
    }
    OptionalDouble clear = f.optionalNumber("clear");
    if (clear.isPresent() && !comparison.ordered()) {
      throw f.error("clear", "a clear threshold needs an ordering comparison (> >= < <=)");
    }
    if (clear.isPresent() && !comparison.clearsBefore(clear.getAsDouble(), threshold)) {
      throw f.error(
          "clear",
          "must lie on the resolved side of the threshold ("
              + comparison.symbol()
              + " "
              + Template.format(threshold)
              + ")");
    }
    Optional<Guard> guard = guard(f, reduction);
    Map<String, Template> annotations = new LinkedHashMap<>();
    f.strings("annotations")
        .forEach((k, v) -> annotations.put(k, f.template("annotations." + k, v)));
    Map<String, Template> labels = new LinkedHashMap<>();
    f.strings("labels").forEach((k, v) -> labels.put(k, f.template("labels." + k, v)));
    for (String reserved : List.of("alertname", "severity")) {
      if (labels.containsKey(reserved)) {
        throw f.error("labels", "'" + reserved + "' is set by the rule itself");
      }
    }
    return new AlertRule(
        name,
        selector,
        reduction,
        window,
        aggregation,
        comparison,
        threshold,
        clear,
        guard,
        f.duration("for", Duration.ZERO),
        f.duration("keep_firing_for", Duration.ZERO),
        f.choice("severity", Severity.class, Severity.WARNING),
        f.choice("no_data", NoData.class, NoData.KEEP_STATE),
        labels,
        annotations,
        where.equals("default rules") ? "default" : where);
  }

  /**
   * The definition of the metric a selector names, its matchers checked against its labels. A
   * histogram is read through its {@code _bucket} series, and only by a {@code quantile}.
   */
  private MetricDef metric(Field f, String field, Selector selector, boolean quantile) {
    String name = selector.metric();
    MetricDef def = metrics.get(name);
    boolean bucket = false;
    if (def == null && name.endsWith(BUCKET)) {
      def = metrics.get(name.substring(0, name.length() - BUCKET.length()));
      bucket = def != null && def.type() == MetricType.HISTOGRAM;
      def = bucket ? def : null;
    }
    if (def == null) {
      throw f.error(field, "no metric named " + name + " (docs/metrics.md)");
    }
    if (def.type() == MetricType.HISTOGRAM && !bucket) {
      throw f.error(
          field,
          name + " is a histogram: a rule reads its buckets, " + name + BUCKET + ", by a quantile");
    }
    if (bucket != quantile) {
      throw f.error(
          bucket ? "quantile" : field,
          bucket
              ? "missing: " + name + " is read by a quantile such as 'quantile: 0.95'"
              : "a quantile reads a histogram's buckets, such as"
                  + " fr_pipeline_latency_seconds_bucket");
    }
    List<String> labels = new ArrayList<>(def.labelNames());
    if (bucket) {
      labels.add("le");
    }
    for (LabelMatcher m : selector.matchers()) {
      if (!labels.contains(m.label())) {
        throw f.error(field, "'" + m.label() + "' is not a label of " + name + " " + labels);
      }
    }
    return def;
  }

  /** The window of a reduction, which {@code def}'s type must suit. */
  private static Duration window(Field f, Reduction reduction, MetricDef def) {
    Duration window = f.duration("window", Duration.ZERO);
    if (reduction.windowed() && window.isZero()) {
      throw f.error("window", "'reduce: " + reduction.label() + "' needs a window such as 5m");
    }
    if (!reduction.windowed() && !window.isZero()) {
      throw f.error("window", "a window needs a reduction ('reduce: avg', 'rate', …)");
    }
    boolean counter = def.type() == MetricType.COUNTER || def.type() == MetricType.HISTOGRAM;
    if ((reduction == Reduction.RATE || reduction == Reduction.INCREASE) && !counter) {
      throw f.error(
          "reduce", reduction.label() + " reads a counter; " + def.exposedName() + " is a gauge");
    }
    return window;
  }

  /** {@code by}, {@code divide_by} and {@code quantile}: how the series are combined. */
  private Aggregation aggregation(
      Field f, MetricDef def, Reduction reduction, OptionalDouble quantile) {
    Optional<List<String>> by = f.labelList("by");
    boolean ratio = f.node().has("divide_by");
    if (by.isEmpty() && !ratio && quantile.isEmpty()) {
      return new Aggregation.None();
    }
    if (reduction == Reduction.ABSENT) {
      String field = by.isPresent() ? "by" : ratio ? "divide_by" : "quantile";
      throw f.error(field, "absent has no value to combine");
    }
    for (String label : by.orElse(List.of())) {
      if (!def.labelNames().contains(label) && !(quantile.isPresent() && label.equals("le"))) {
        throw f.error(
            "by",
            "'" + label + "' is not a label of " + def.exposedName() + " " + def.labelNames());
      }
    }
    if (quantile.isPresent()) {
      double q = quantile.getAsDouble();
      if (!(q >= 0 && q <= 1)) {
        throw f.error("quantile", "expected a number from 0 to 1 (got " + Template.format(q) + ")");
      }
      if (reduction != Reduction.RATE && reduction != Reduction.INCREASE) {
        throw f.error("reduce", "a quantile reads the buckets' rate or increase over a window");
      }
      if (ratio) {
        throw f.error("divide_by", "a quantile is not divided");
      }
      if (by.orElse(List.of()).contains("le")) {
        throw f.error("by", "'le' is added by the quantile itself");
      }
      return new Aggregation.Quantile(by.orElse(List.of()), q);
    }
    if (!ratio) {
      return new Aggregation.Sum(by.orElseThrow());
    }
    if (by.isEmpty()) {
      throw f.error(
          "by", "missing: a ratio sums both sides by labels ('by: [pipeline]'; 'by: []' for all)");
    }
    Selector denominator = f.selector("divide_by");
    window(f, reduction, metric(f, "divide_by", denominator, false));
    return new Aggregation.Ratio(by.get(), denominator);
  }

  /** {@code and}: the sum of other series a rule's alerts also need. */
  private Optional<Guard> guard(Field rule, Reduction ruleReduction) {
    JsonNode node = rule.node().get("and");
    if (node == null) {
      return Optional.empty();
    }
    if (!(node instanceof ObjectNode and)) {
      throw rule.error("and", "expected a mapping of metric, reduce, window, op, threshold");
    }
    if (ruleReduction == Reduction.ABSENT) {
      throw rule.error("and", "absent is not guarded");
    }
    Field f = new Field(and, rule.at(), "and.");
    for (Map.Entry<String, JsonNode> field : and.properties()) {
      if (!GUARD_FIELDS.contains(field.getKey())) {
        throw f.error(field.getKey(), "unknown field; known: " + GUARD_FIELDS);
      }
    }
    Selector selector = f.selector("metric");
    MetricDef def = metric(f, "metric", selector, false);
    Reduction reduction = f.choice("reduce", Reduction.class, Reduction.LAST);
    if (reduction == Reduction.ABSENT) {
      throw f.error("reduce", "a guard compares a value; absent has none");
    }
    Duration window = window(f, reduction, def);
    return Optional.of(
        new Guard(selector, reduction, window, f.comparison("op"), f.number("threshold")));
  }

  /**
   * Reads one rule's fields, each error naming the rule and the field ({@code prefix}: of a nested
   * mapping's fields, such as {@code and.}).
   */
  private record Field(ObjectNode node, String at, String prefix) {
    RuleException error(String field, String message) {
      return new RuleException(at + ": field '" + prefix + field + "': " + message);
    }

    Comparison comparison(String field) {
      return Comparison.of(text(field))
          .orElseThrow(() -> error(field, "expected one of > >= < <= == !="));
    }

    /** A list of label names, when given ({@code by: [pipeline]}; {@code by: []}). */
    Optional<List<String>> labelList(String field) {
      JsonNode v = node.get(field);
      if (v == null) {
        return Optional.empty();
      }
      if (!v.isArray()) {
        throw error(field, "expected a list of label names such as [pipeline]");
      }
      List<String> out = new ArrayList<>();
      for (JsonNode label : v) {
        if (!label.isTextual() || !label.asText().matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw error(field, "expected label names (got " + label + ")");
        }
        out.add(label.asText());
      }
      return Optional.of(out);
    }

    String text(String field) {
      JsonNode v = node.get(field);
      if (v == null || !v.isValueNode() || v.asText().isBlank()) {
        throw error(field, "missing");
      }
      return v.asText();
    }

    Selector selector(String field) {
      try {
        return Selector.parse(text(field));
      } catch (IllegalArgumentException e) {
        throw error(field, String.valueOf(e.getMessage()));
      }
    }

    double number(String field) {
      JsonNode v = node.get(field);
      if (v == null || !v.isNumber()) {
        throw error(field, v == null ? "missing" : "expected a number (got " + v + ")");
      }
      return v.asDouble();
    }

    OptionalDouble optionalNumber(String field) {
      return node.has(field) ? OptionalDouble.of(number(field)) : OptionalDouble.empty();
    }

    Duration duration(String field, Duration fallback) {
      JsonNode v = node.get(field);
      if (v == null) {
        return fallback;
      }
      return Durations.parse(v.asText(), ChronoUnit.SECONDS)
          .orElseThrow(
              () -> error(field, "expected a duration such as 30s, 5m, 1h (got " + v + ")"));
    }

    <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) {
      JsonNode v = node.get(field);
      if (v == null) {
        return fallback;
      }
      try {
        return Enum.valueOf(type, v.asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        List<String> names = new ArrayList<>();
        for (E c : type.getEnumConstants()) {
          names.add(c.name().toLowerCase(Locale.ROOT));
        }
        throw error(field, "expected one of " + names + " (got " + v + ")");
      }
    }

    Map<String, String> strings(String field) {
      JsonNode v = node.get(field);
      Map<String, String> out = new LinkedHashMap<>();
      if (v == null) {
        return out;
      }
      if (!v.isObject()) {
        throw error(field, "expected a mapping of names to texts");
      }
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        if (!e.getValue().isValueNode()) {
          throw error(field + "." + e.getKey(), "expected a text");
        }
        out.put(e.getKey(), e.getValue().asText());
      }
      return out;
    }

    Template template(String field, String text) {
      try {
        return Template.parse(text);
      } catch (IllegalArgumentException e) {
        throw error(field, String.valueOf(e.getMessage()));
      }
    }
  }
}
