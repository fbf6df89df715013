package io.frmonitor.logging;

/**
 * Writes a Java string as a JSON string literal (RFC 8259): quotes, backslashes and every control
 * character are escaped, as are U+2028 and U+2029 (line breaks to JavaScript) and a lone surrogate
 * (which has no UTF-8 form); all else is kept as is, to be written as UTF-8.
 */
final class JsonString {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonString() {}

  static void append(StringBuilder b, String s) {
    b.append('"');
    int n = s.length();
    int run = 0; // the start of the characters not yet appended, which need no escape
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (plain(c)) {
        continue; // the common case, appended in runs
      }
      b.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            unicode(b, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < n
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
            run = i + 1;
          } else {
            unicode(b, c); // a lone surrogate
          }
        }
      }
    }
    b.append(s, run, n).append('"');
  }

  /** Whether {@code c} is written as it is. */
  private static boolean plain(char c) {
    return c >= 0x20
        && c != '"'
        && c != '\\'
        && c != 0x7f
        && c != '\u2028'
        && c != '\u2029'
        && !Character.isSurrogate(c);
  }

  private static void unicode(StringBuilder b, char c) {
    b.append("\\u")
        .append(HEX[(c >> 12) & 0xf])
        .append(HEX[(c >> 8) & 0xf])
        .append(HEX[(c >> 4) & 0xf])
        .append(HEX[c & 0xf]);
  }
}
