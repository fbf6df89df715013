package io.frmonitor.alert.rule;

import java.time.Duration;
import java.util.List;

/**
 * A second condition a rule's alerts need, over the sum of other series: "results stopped while
 * frames still arrive" is {@code rate(results[5m]) == 0} guarded by {@code sum(rate(frames[5m])) >
 * 0}. In PromQL, {@code <condition> and on(server) sum by (server) (<value>) > 0}: with no series
 * selected, or a sum on the wrong side of the threshold, no alert of the rule holds; in a fleet,
 * one server's frames do not keep another's alert alive.
 */
public record Guard(
    Selector selector,
    Reduction reduction,
    Duration window,
    Comparison comparison,
    double threshold) {

  /** The guard as the right-hand side of PromQL's {@code and on(server)}. */
  public String promql() {
    return Aggregation.sum(List.of(), AlertRule.valueOf(selector, reduction, window))
        + " "
        + comparison.symbol()
        + " "
        + Template.format(threshold);
  }

  /** Whether the summed value passes. */
  public boolean test(double sum) {
    return comparison.test(sum, threshold);
  }
}
