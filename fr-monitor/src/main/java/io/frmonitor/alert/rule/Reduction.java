package io.frmonitor.alert.rule;

import java.util.Locale;

/**
 * What a rule computes from a series over its window, each as PromQL does it: {@code last} (the
 * current value), {@code avg}/{@code min}/{@code max}_over_time, {@code rate} and {@code increase}
 * of a counter (resets corrected), {@code delta} of a gauge, {@code absent} (1 when the selector
 * matched no series over the window).
 */
public enum Reduction {
  LAST,
  AVG,
  MIN,
  MAX,
  RATE,
  INCREASE,
  DELTA,
  ABSENT;

  /** Whether it needs a window of past samples. */
  public boolean windowed() {
    return this != LAST;
  }

  /** Whether it needs at least two samples (a difference). */
  public boolean needsTwo() {
    return this == RATE || this == INCREASE || this == DELTA;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The PromQL function it stands for, applied to a range selector. */
  public String promql() {
    return switch (this) {
      case LAST -> "";
      case AVG -> "avg_over_time";
      case MIN -> "min_over_time";
      case MAX -> "max_over_time";
      case RATE -> "rate";
      case INCREASE -> "increase";
      case DELTA -> "delta";
      case ABSENT -> "absent_over_time";
    };
  }
}
