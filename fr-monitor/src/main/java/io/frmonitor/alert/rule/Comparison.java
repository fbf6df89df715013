package io.frmonitor.alert.rule;

/**
 * How a rule compares its value with its threshold, and — for the ordering ones — how the value
 * must come back past a clear threshold before a firing alert resolves (hysteresis).
 */
public enum Comparison {
  GT(">"),
  GE(">="),
  LT("<"),
  LE("<="),
  EQ("=="),
  NE("!=");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public static java.util.Optional<Comparison> of(String symbol) {
    for (Comparison c : values()) {
      if (c.symbol.equals(symbol)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }

  public boolean test(double value, double threshold) {
    return switch (this) {
      case GT -> value > threshold;
      case GE -> value >= threshold;
      case LT -> value < threshold;
      case LE -> value <= threshold;
      case EQ -> value == threshold;
      case NE -> value != threshold;
    };
  }

  /** Whether a clear threshold means anything: only for an ordering. */
  public boolean ordered() {
    return this != EQ && this != NE;
  }

  /**
   * Whether a firing alert with this value is still on the firing side of {@code clear}: it
   * resolves only once the value has come back past it (for {@code >}: below it).
   */
  public boolean holds(double value, double clear) {
    return ordered() && whileFiring().test(value, clear);
  }

  /**
   * How a firing alert's value compares with the clear threshold while it keeps firing: {@code >=}
   * for {@code >} and {@code >=}, {@code <=} for {@code <} and {@code <=}; itself for the others,
   * which have no clear threshold.
   */
  public Comparison whileFiring() {
    return switch (this) {
      case GT, GE -> GE;
      case LT, LE -> LE;
      case EQ, NE -> this;
    };
  }

  /** Whether {@code clear} lies on the resolved side of {@code threshold}, as hysteresis needs. */
  public boolean clearsBefore(double clear, double threshold) {
    return switch (this) {
      case GT, GE -> clear <= threshold;
      case LT, LE -> clear >= threshold;
      case EQ, NE -> false;
    };
  }
}
