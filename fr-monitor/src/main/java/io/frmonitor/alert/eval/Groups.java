package io.frmonitor.alert.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The aggregations of {@code Aggregation}, computed as PromQL computes them: {@code sum by}, vector
 * division matched on the group labels, and {@code histogram_quantile} (Prometheus 2.42's {@code
 * bucketQuantile}). A series without a value yet (too few samples in its window) adds nothing; a
 * group none of whose series has a value has no value either (no verdict).
 */
final class Groups {
  private Groups() {}

  /** {@code sum by (by)}: the values summed per group of equal {@code by} labels. */
  static Map<Map<String, String>, OptionalDouble> sum(
      Map<Map<String, String>, OptionalDouble> values, List<String> by) {
    Map<Map<String, String>, double[]> sums = new LinkedHashMap<>();
    Map<Map<String, String>, OptionalDouble> out = new LinkedHashMap<>();
    values.forEach(
        (labels, value) -> {
          Map<String, String> group = groupOf(labels, by);
          out.putIfAbsent(group, OptionalDouble.empty());
          if (value.isPresent()) {
            sums.computeIfAbsent(group, g -> new double[1])[0] += value.getAsDouble();
          }
        });
    sums.forEach((group, sum) -> out.put(group, OptionalDouble.of(sum[0])));
    return out;
  }

  /**
   * {@code numerator / denominator}, for the groups both have (like PromQL's one-to-one matching;
   * {@code x / 0} is {@code ±Inf}, {@code 0 / 0} is {@code NaN}, which no threshold passes).
   */
  static Map<Map<String, String>, OptionalDouble> ratio(
      Map<Map<String, String>, OptionalDouble> numerator,
      Map<Map<String, String>, OptionalDouble> denominator) {
    Map<Map<String, String>, OptionalDouble> out = new LinkedHashMap<>();
    numerator.forEach(
        (group, n) -> {
          OptionalDouble d = denominator.get(group);
          if (d == null) {
            return;
          }
          out.put(
              group,
              n.isPresent() && d.isPresent()
                  ? OptionalDouble.of(n.getAsDouble() / d.getAsDouble())
                  : OptionalDouble.empty());
        });
    return out;
  }

  /**
   * {@code histogram_quantile(q, sum by (by, le) (buckets))}: the buckets summed per group and
   * {@code le}, then the quantile of each group's distribution. Series without a numeric {@code le}
   * are ignored, as Prometheus ignores them.
   */
  static Map<Map<String, String>, OptionalDouble> quantile(
      Map<Map<String, String>, OptionalDouble> buckets, List<String> by, double q) {
    List<String> withLe = new ArrayList<>(by);
    withLe.add("le");
    Map<Map<String, String>, List<double[]>> byGroup = new LinkedHashMap<>();
    Map<Map<String, String>, OptionalDouble> out = new LinkedHashMap<>();
    sum(buckets, withLe)
        .forEach(
            (labels, count) -> {
              OptionalDouble le = parseLe(labels.getOrDefault("le", ""));
              if (le.isEmpty()) {
                return;
              }
              Map<String, String> group = groupOf(labels, by);
              out.putIfAbsent(group, OptionalDouble.empty());
              if (count.isPresent()) {
                byGroup
                    .computeIfAbsent(group, g -> new ArrayList<>())
                    .add(new double[] {le.getAsDouble(), count.getAsDouble()});
              }
            });
    byGroup.forEach((group, bs) -> out.put(group, OptionalDouble.of(bucketQuantile(q, bs))));
    return out;
  }

  /**
   * The quantile of cumulative buckets ({upper bound, count}), by linear interpolation within the
   * bucket the rank falls in; {@code NaN} without a {@code +Inf} bucket or observations.
   */
  static double bucketQuantile(double q, List<double[]> unsorted) {
    if (Double.isNaN(q)) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    double[][] b = coalesced(unsorted);
    int n = b.length;
    if (n == 0 || b[n - 1][0] != Double.POSITIVE_INFINITY || n < 2) {
      return Double.NaN;
    }
    // counts may decrease with a higher bound (buckets scraped at different moments): made
    // monotonic, as Prometheus does
    for (int i = 1; i < n; i++) {
      b[i][1] = Math.max(b[i][1], b[i - 1][1]);
    }
    double observations = b[n - 1][1];
    if (observations == 0) {
      return Double.NaN;
    }
    double rank = q * observations;
    int i = 0;
    while (i < n - 1 && b[i][1] < rank) {
      i++;
    }
    if (i == n - 1) {
      return b[n - 2][0];
    }
    if (i == 0 && b[0][0] <= 0) {
      return b[0][0];
    }
    double start = 0;
    double end = b[i][0];
    double count = b[i][1];
    if (i > 0) {
      start = b[i - 1][0];
      count -= b[i - 1][1];
      rank -= b[i - 1][1];
    }
    return start + (end - start) * (rank / count);
  }

  /** Sorted by upper bound, the counts of equal bounds added together. */
  private static double[][] coalesced(List<double[]> buckets) {
    double[][] sorted = buckets.stream().map(double[]::clone).toArray(double[][]::new);
    Arrays.sort(sorted, (x, y) -> Double.compare(x[0], y[0]));
    List<double[]> out = new ArrayList<>();
    for (double[] bucket : sorted) {
      if (!out.isEmpty() && out.get(out.size() - 1)[0] == bucket[0]) {
        out.get(out.size() - 1)[1] += bucket[1];
      } else {
        out.add(bucket);
      }
    }
    return out.toArray(double[][]::new);
  }

  /** An {@code le} label's bound, as Prometheus parses it ({@code +Inf} included). */
  private static OptionalDouble parseLe(String le) {
    try {
      return OptionalDouble.of(
          switch (le) {
            case "+Inf", "Inf", "+inf", "inf" -> Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(le);
          });
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /** The labels of {@code by} a series has: PromQL drops the others (and empty ones). */
  private static Map<String, String> groupOf(Map<String, String> labels, List<String> by) {
    Map<String, String> group = new TreeMap<>();
    for (String label : by) {
      String v = labels.get(label);
      if (v != null && !v.isEmpty()) {
        group.put(label, v);
      }
    }
    return group;
  }
}
