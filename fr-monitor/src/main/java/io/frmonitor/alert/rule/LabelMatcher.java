package io.frmonitor.alert.rule;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher of a selector, as in PromQL: {@code queue="actions"}, {@code owner!="x"},
 * {@code queue=~"PipeLine_.*_face_data"}, {@code gpu!~"1|2"}. A regular expression matches the
 * whole value. A label a series does not have has the value "".
 */
public record LabelMatcher(String label, Op op, String value, Pattern pattern) {
  /** The four matcher kinds. */
  public enum Op {
    EQ("="),
    NE("!="),
    RE("=~"),
    NRE("!~");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }

  /**
   * A matcher; a regular expression is compiled once, here.
   *
   * @throws IllegalArgumentException when a regular expression does not compile
   */
  public static LabelMatcher of(String label, Op op, String value) {
    try {
      Pattern p =
          op == Op.RE || op == Op.NRE
              ? Pattern.compile(value)
              : Pattern.compile(Pattern.quote(value));
      return new LabelMatcher(label, op, value, p);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "label "
              + label
              + ": invalid regular expression \""
              + value
              + "\": "
              + e.getDescription());
    }
  }

  /** Whether a series whose label has this value ("" when it has none) is selected. */
  public boolean matches(String actual) {
    return switch (op) {
      case EQ -> actual.equals(value);
      case NE -> !actual.equals(value);
      case RE -> pattern.matcher(actual).matches();
      case NRE -> !pattern.matcher(actual).matches();
    };
  }

  /** As PromQL writes it. */
  @Override
  public String toString() {
    return label + op.symbol() + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
