package io.frmonitor.alert.rule;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One label matcher of a selector, as in PromQL: {@code queue="actions"}, {@code owner!="x"},
 * {@code queue=~"PipeLine_.*_face_data"}, {@code gpu!~"1|2"}. A regular expression matches the
 * whole value. A label a series does not have has the value "".
 */
public record LabelMatcher(String label, Op op, String value, Pattern pattern, Memo memo) {
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
      return new LabelMatcher(label, op, value, p, new Memo());
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

  /**
   * For {@code =~}: the literal text every matching value starts with ({@code "PipeLine_"} of
   * {@code PipeLine_.*_data}), so an index can skip the values without it; empty when there is none
   * (an alternation, or a metacharacter first).
   */
  public String literalPrefix() {
    if (op != Op.RE || value.contains("|")) {
      return "";
    }
    int n = 0;
    while (n < value.length()
        && (Character.isLetterOrDigit(value.charAt(n)) || "_-:/".indexOf(value.charAt(n)) >= 0)) {
      n++;
    }
    // a quantifier applies to the character before it, which then is not certain
    boolean quantified = n < value.length() && "?*{".indexOf(value.charAt(n)) >= 0;
    return value.substring(0, quantified ? Math.max(0, n - 1) : n);
  }

  /** Whether a series whose label has this value ("" when it has none) is selected. */
  public boolean matches(String actual) {
    return switch (op) {
      case EQ -> actual.equals(value);
      case NE -> !actual.equals(value);
      case RE -> memo.matches(pattern, actual);
      case NRE -> !memo.matches(pattern, actual);
    };
  }

  /**
   * A regular expression's verdicts on the label values it has seen: label values (queue names,
   * mounts) are few and come back at every evaluation, so each is matched once. Bounded; not part
   * of the matcher's identity.
   *
   * <p>Thread safety: safe (rules are evaluated on one thread, silences on HTTP threads).
   */
  public static final class Memo {
    private static final int MAX = 10_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Boolean> verdicts =
        new java.util.concurrent.ConcurrentHashMap<>();

    boolean matches(Pattern pattern, String value) {
      Boolean known = verdicts.get(value);
      if (known != null) {
        return known;
      }
      boolean verdict = pattern.matcher(value).matches();
      if (verdicts.size() >= MAX) {
        verdicts.clear();
      }
      verdicts.put(value, verdict);
      return verdict;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Memo;
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  /** As PromQL writes it. */
  @Override
  public String toString() {
    return label + op.symbol() + '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
