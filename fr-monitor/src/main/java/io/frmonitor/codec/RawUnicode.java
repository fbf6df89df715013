package io.frmonitor.codec;

/**
 * Decodes the escapes of protocol-0 text arguments ({@code \\uXXXX}, {@code \\xXX}, {@code \\n}
 * ...). Malformed escapes are kept as written: this is data for display, not code.
 */
final class RawUnicode {
  private RawUnicode() {}

  static String decode(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        b.append(c);
        continue;
      }
      char e = s.charAt(i + 1);
      int hex = e == 'u' ? 4 : e == 'U' ? 8 : e == 'x' ? 2 : 0;
      if (hex > 0 && i + 2 + hex <= s.length() && isHex(s, i + 2, hex)) {
        b.appendCodePoint(Integer.parseUnsignedInt(s.substring(i + 2, i + 2 + hex), 16) & 0x10FFFF);
        i += 1 + hex;
        continue;
      }
      String simple =
          switch (e) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 'r' -> "\r";
            case '\\' -> "\\";
            case '\'' -> "'";
            case '"' -> "\"";
            default -> null;
          };
      if (simple == null) {
        b.append(c);
      } else {
        b.append(simple);
        i++;
      }
    }
    return b.toString();
  }

  private static boolean isHex(String s, int from, int n) {
    for (int i = from; i < from + n; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
