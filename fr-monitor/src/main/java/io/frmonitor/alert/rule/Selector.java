package io.frmonitor.alert.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A metric as {@code /prometheus} names it, with label matchers: {@code fr_queue_consumers}, {@code
 * fr_queue_consumers{queue=~"PipeLine_.*_data", owner="fr-server"}} — the PromQL vector selector,
 * so that a rule reads as the query an operator would type.
 */
public record Selector(String metric, List<LabelMatcher> matchers) {
  public Selector {
    matchers = List.copyOf(matchers);
  }

  /**
   * Parses PromQL's vector selector syntax (no range, no offset).
   *
   * @throws IllegalArgumentException saying what is wrong and where
   */
  public static Selector parse(String text) {
    return new Parser(text.trim()).selector();
  }

  /** Whether a series with these labels is selected. */
  public boolean matches(Map<String, String> labels) {
    for (LabelMatcher m : matchers) {
      if (!m.matches(labels.getOrDefault(m.label(), ""))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    if (matchers.isEmpty()) {
      return metric;
    }
    StringBuilder out = new StringBuilder(metric).append('{');
    for (int i = 0; i < matchers.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(matchers.get(i));
    }
    return out.append('}').toString();
  }

  /** A small recursive-descent reader of {@code name{label op "value", ...}}. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Selector selector() {
      String name = identifier("a metric name");
      List<LabelMatcher> matchers = new ArrayList<>();
      skipSpaces();
      if (at < text.length() && text.charAt(at) == '{') {
        at++;
        skipSpaces();
        while (peek() != '}') {
          matchers.add(matcher());
          skipSpaces();
          if (peek() == ',') {
            at++;
            skipSpaces();
          } else if (peek() != '}') {
            throw error("',' or '}'");
          }
        }
        at++;
      }
      skipSpaces();
      if (at != text.length()) {
        throw error("the end of the selector");
      }
      return new Selector(name, matchers);
    }

    private LabelMatcher matcher() {
      String label = identifier("a label name");
      skipSpaces();
      LabelMatcher.Op op;
      if (text.startsWith("=~", at)) {
        op = LabelMatcher.Op.RE;
      } else if (text.startsWith("!~", at)) {
        op = LabelMatcher.Op.NRE;
      } else if (text.startsWith("!=", at)) {
        op = LabelMatcher.Op.NE;
      } else if (text.startsWith("=", at)) {
        op = LabelMatcher.Op.EQ;
      } else {
        throw error("one of = != =~ !~");
      }
      at += op.symbol().length();
      skipSpaces();
      return LabelMatcher.of(label, op, quoted());
    }

    private String identifier(String what) {
      int start = at;
      while (at < text.length()
          && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')
          && (at > start || !Character.isDigit(text.charAt(at)))) {
        at++;
      }
      if (at == start) {
        throw error(what);
      }
      return text.substring(start, at);
    }

    private String quoted() {
      char quote = peek();
      if (quote != '"' && quote != '\'') {
        throw error("a quoted value");
      }
      at++;
      StringBuilder out = new StringBuilder();
      while (at < text.length() && text.charAt(at) != quote) {
        char c = text.charAt(at++);
        if (c == '\\' && at < text.length()) {
          c = text.charAt(at++);
        }
        out.append(c);
      }
      if (at >= text.length()) {
        throw error("the closing " + quote);
      }
      at++;
      return out.toString();
    }

    private char peek() {
      if (at >= text.length()) {
        throw error("more");
      }
      return text.charAt(at);
    }

    private void skipSpaces() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private IllegalArgumentException error(String expected) {
      return new IllegalArgumentException(
          "expected " + expected + " at position " + (at + 1) + " of \"" + text + "\"");
    }
  }
}
