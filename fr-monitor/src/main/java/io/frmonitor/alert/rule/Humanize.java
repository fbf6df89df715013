package io.frmonitor.alert.rule;

/**
 * Prometheus's template helpers for numbers (template/template.go), output for output: {@code
 * humanize} (SI prefixes both ways: 1234 → {@code 1.234k}, 0.001234 → {@code 1.234m}), {@code
 * humanize1024} (binary: 1536 → {@code 1.5ki}), {@code humanizeDuration} (seconds: 90 → {@code 1m
 * 30s}, 3600 → {@code 1h 0m 0s}, 0.25 → {@code 250ms}) and {@code humanizePercentage} (0.93 →
 * {@code 93%}), each with four significant digits as Go's {@code %.4g} prints them.
 *
 * <p>Thread safety: stateless.
 */
final class Humanize {
  private static final String[] LARGE = {"k", "M", "G", "T", "P", "E", "Z", "Y"};
  private static final String[] SMALL = {"m", "u", "n", "p", "f", "a", "z", "y"};
  private static final String[] BINARY = {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"};

  private Humanize() {}

  static String si(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return GoFloats.fourDigits(v);
    }
    return Math.abs(v) >= 1 ? scaledDown(v, 1000, LARGE) : scaledUp(v, "");
  }

  static String binary(double v) {
    if (Math.abs(v) <= 1 || !Double.isFinite(v)) {
      return GoFloats.fourDigits(v);
    }
    return scaledDown(v, 1024, BINARY);
  }

  static String percentage(double v) {
    return GoFloats.fourDigits(v * 100) + "%";
  }

  static String duration(double v) {
    if (!Double.isFinite(v)) {
      return GoFloats.fourDigits(v);
    }
    if (v == 0) {
      return "0s";
    }
    if (Math.abs(v) < 1) {
      return scaledUp(v, "s");
    }
    String sign = v < 0 ? "-" : "";
    double magnitude = Math.abs(v);
    long whole = (long) magnitude; // Go's int64(v): truncated
    long seconds = whole % 60;
    long minutes = whole / 60 % 60;
    long hours = whole / 3600 % 24;
    long days = whole / 86_400;
    if (days != 0) {
      return sign + days + "d " + hours + "h " + minutes + "m " + seconds + "s";
    }
    if (hours != 0) {
      return sign + hours + "h " + minutes + "m " + seconds + "s";
    }
    if (minutes != 0) {
      return sign + minutes + "m " + seconds + "s";
    }
    return sign + GoFloats.fourDigits(magnitude) + "s";
  }

  /** Divides by {@code base} while the magnitude reaches it, taking the next prefix each time. */
  private static String scaledDown(double v, double base, String[] prefixes) {
    String prefix = "";
    double x = v;
    for (String p : prefixes) {
      if (Math.abs(x) < base) {
        break;
      }
      prefix = p;
      x /= base;
    }
    return GoFloats.fourDigits(x) + prefix;
  }

  /** Multiplies by 1000 while the magnitude is below 1, taking the next small prefix each time. */
  private static String scaledUp(double v, String unit) {
    String prefix = "";
    double x = v;
    for (String p : SMALL) {
      if (Math.abs(x) >= 1) {
        break;
      }
      prefix = p;
      x *= 1000;
    }
    return GoFloats.fourDigits(x) + prefix + unit;
  }
}
