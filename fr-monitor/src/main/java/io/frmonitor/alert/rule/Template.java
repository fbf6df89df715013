package io.frmonitor.alert.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An annotation with placeholders, in the subset of Prometheus's Go templates that alert texts use:
 * {@code {{ $labels.queue }}}, {@code {{ $value }}}, and a value through a helper — {@code {{
 * $value | humanizePercentage }}} or {@code {{ humanizePercentage $value }}}. Helpers: {@code
 * humanize} (SI prefixes), {@code humanize1024} (binary), {@code humanizePercentage} (0.93 → 93%),
 * {@code humanizeDuration} (seconds → 1m 30s), each printing as Prometheus does ({@link Humanize}),
 * and {@code $value} as Go prints a number. Anything else is refused when the rules are loaded.
 */
public final class Template {
  /**
   * A placeholder; a dash inside its braces ({@code {{- x -}}}) trims the space beside it, as Go.
   */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{(-[ \\t\\r\\n])?\\s*(.*?)\\s*([ \\t\\r\\n]-)?}}");

  private static final Pattern LABEL = Pattern.compile("\\$labels\\.([A-Za-z_][A-Za-z0-9_]*)");
  private static final List<String> HELPERS =
      List.of("humanize", "humanize1024", "humanizePercentage", "humanizeDuration");

  private final String text;
  private final List<Part> parts;

  /** A literal piece, or a placeholder: a label or the value, through an optional helper. */
  private record Part(String literal, String label, boolean value, String helper) {}

  private Template(String text, List<Part> parts) {
    this.text = text;
    this.parts = parts;
  }

  /**
   * Reads a text's placeholders.
   *
   * @throws IllegalArgumentException naming the placeholder it cannot read
   */
  public static Template parse(String text) {
    List<Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    boolean trimNext = false;
    while (m.find()) {
      String literal = text.substring(last, m.start());
      literal = trimNext ? literal.replaceFirst("^[ \t\r\n]+", "") : literal;
      literal = m.group(1) != null ? literal.replaceFirst("[ \t\r\n]+$", "") : literal;
      parts.add(new Part(literal, "", false, ""));
      parts.add(placeholder(m.group(2)));
      trimNext = m.group(3) != null;
      last = m.end();
    }
    String rest = text.substring(last);
    rest = trimNext ? rest.replaceFirst("^[ \t\r\n]+", "") : rest;
    parts.add(new Part(rest, "", false, ""));
    return new Template(text, List.copyOf(parts));
  }

  private static Part placeholder(String expr) {
    String operand = expr;
    String helper = "";
    if (expr.contains("|")) {
      String[] piped = expr.split("\\|", -1);
      if (piped.length != 2) {
        throw unreadable(expr);
      }
      operand = piped[0].trim();
      helper = piped[1].trim();
    } else if (!expr.startsWith("$")) {
      String[] call = expr.split("\\s+", 2);
      if (call.length != 2) {
        throw unreadable(expr);
      }
      helper = call[0];
      operand = call[1].trim();
    }
    if (!helper.isEmpty() && !HELPERS.contains(helper)) {
      throw new IllegalArgumentException(
          "unknown helper '" + helper + "' in {{ " + expr + " }}; known: " + HELPERS);
    }
    if (operand.equals("$value")) {
      return new Part("", "", true, helper);
    }
    Matcher label = LABEL.matcher(operand);
    if (label.matches()) {
      return new Part("", label.group(1), false, helper);
    }
    throw unreadable(expr);
  }

  private static IllegalArgumentException unreadable(String expr) {
    return new IllegalArgumentException(
        "cannot read {{ "
            + expr
            + " }}: expected $labels.<name> or $value, optionally through "
            + HELPERS);
  }

  /** The text with its placeholders filled in. */
  public String render(Map<String, String> labels, double value) {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      if (p.value()) {
        out.append(helped(p.helper(), value, format(value)));
      } else if (!p.label().isEmpty()) {
        String v = labels.getOrDefault(p.label(), "");
        out.append(p.helper().isEmpty() ? v : helped(p.helper(), number(v), v));
      } else {
        out.append(p.literal());
      }
    }
    return out.toString();
  }

  /** As written in the rules. */
  public String text() {
    return text;
  }

  private static double number(String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String helped(String helper, double v, String plain) {
    if (Double.isNaN(v) && !helper.isEmpty()) {
      return plain;
    }
    return switch (helper) {
      case "humanize" -> Humanize.si(v);
      case "humanize1024" -> Humanize.binary(v);
      case "humanizePercentage" -> Humanize.percentage(v);
      case "humanizeDuration" -> Humanize.duration(v);
      default -> plain;
    };
  }

  /** A value as {@code $value} prints it, as Go's {@code %v} does: {@code 0.25}, {@code 1e+06}. */
  static String format(double v) {
    return GoFloats.shortest(v);
  }
}
