package io.frmonitor.alert.rule;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as Go's {@code fmt} prints them, so that alert texts and expressions read as Prometheus
 * writes them: {@code %v} (the shortest decimal that reads back as the same double, in exponent
 * form from {@code 1e+06} up and below {@code 0.0001}) and {@code %.4g} (four significant digits,
 * rounded half to even on the exact binary value, trailing zeros dropped, exponent form from {@code
 * 1e+04} up). Not-a-number is {@code NaN}, infinities {@code +Inf} and {@code -Inf}.
 *
 * <p>Thread safety: stateless.
 */
final class GoFloats {
  /** {@code %v}'s exponent form begins at 10^6 when the precision is the shortest. */
  private static final int SHORTEST_EXPONENT_FROM = 6;

  private GoFloats() {}

  /** As {@code fmt.Sprint(v)}: {@code 0.93}, {@code 12}, {@code 1.234567e+06}, {@code 1e-05}. */
  static String shortest(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return special(v);
    }
    double magnitude = Math.abs(v);
    BigDecimal exact = new BigDecimal(magnitude);
    BigDecimal digits = exact;
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == magnitude) {
        digits = candidate;
        break;
      }
    }
    return layout(v < 0, digits.stripTrailingZeros(), SHORTEST_EXPONENT_FROM);
  }

  /** As {@code fmt.Sprintf("%.4g", v)}: {@code 93}, {@code 93.12}, {@code 1.235e+06}. */
  static String fourDigits(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return special(v);
    }
    BigDecimal r =
        new BigDecimal(Math.abs(v))
            .round(new MathContext(4, RoundingMode.HALF_EVEN))
            .stripTrailingZeros();
    int digits = r.precision();
    int point = digits - r.scale();
    // strconv's %g: exponent form from the precision, or from the digits when they all lie left of
    // the point
    int exponentFrom = 4 > digits && digits >= point ? digits : 4;
    return layout(v < 0, r, exponentFrom);
  }

  private static String special(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return Math.copySign(1, v) < 0 ? "-0" : "0";
  }

  /** {@code d.ddde±XX} when the exponent is below -4 or from {@code exponentFrom}, else plain. */
  private static String layout(boolean negative, BigDecimal r, int exponentFrom) {
    String digits = r.unscaledValue().toString();
    int exponent = digits.length() - r.scale() - 1;
    String body;
    if (exponent < -4 || exponent >= exponentFrom) {
      int e = Math.abs(exponent);
      body =
          digits.charAt(0)
              + (digits.length() > 1 ? "." + digits.substring(1) : "")
              + (exponent < 0 ? "e-" : "e+")
              + (e < 10 ? "0" : "")
              + e;
    } else {
      body = r.toPlainString();
    }
    return negative ? "-" + body : body;
  }
}
