package io.frmonitor.api;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inline part of {@link Markdown}: code spans, {@code **strong**}, {@code *emphasis*}, links
 * {@code [text](destination)} and {@code <https://…>}, and backslash escapes. Every other character
 * is escaped, so the output holds no HTML but the tags made here.
 *
 * <p>Thread safety: immutable, if the link policy is.
 */
final class MarkdownInline {
  private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^\\s<>]+)>");
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
  private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private final Function<String, Optional<String>> links;

  /**
   * @param links what a link's destination becomes: the {@code href}, or empty for the text alone
   */
  MarkdownInline(Function<String, Optional<String>> links) {
    this.links = links;
  }

  /**
   * The destination as it is, unless it could run script or hide a scheme: a relative reference, or
   * an absolute one with {@code http}, {@code https} or {@code mailto}, without white space or
   * control characters (which browsers drop from a URL).
   */
  static Optional<String> safeLink(String destination) {
    if (destination.isEmpty() || destination.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      return Optional.empty();
    }
    Matcher scheme = SCHEME.matcher(destination);
    if (scheme.find() && !SAFE_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(destination);
  }

  /** {@code text} escaped for HTML text and quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.chars().forEach(c -> escape((char) c, out));
    return out.toString();
  }

  private static void escape(char c, StringBuilder out) {
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      default -> out.append(c);
    }
  }

  /** The text of HTML made here: its tags dropped and its escapes undone. */
  static String plain(String html) {
    return TAG.matcher(html)
        .replaceAll("")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** The HTML of one block's inline content. */
  String html(String text) {
    StringBuilder out = new StringBuilder(text.length() + 32);
    render(text, out);
    return out.toString();
  }

  private void render(String s, StringBuilder out) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int next =
          switch (c) {
            case '\\' -> backslash(s, i, out);
            case '`' -> code(s, i, out);
            case '*' -> emphasis(s, i, out);
            case '[' -> link(s, i, out);
            case '<' -> autolink(s, i, out);
            default -> -1;
          };
      if (next < 0) {
        escape(c, out);
        next = i + 1;
      }
      i = next;
    }
  }

  private static int backslash(String s, int i, StringBuilder out) {
    if (i + 1 < s.length() && PUNCTUATION.indexOf(s.charAt(i + 1)) >= 0) {
      escape(s.charAt(i + 1), out);
      return i + 2;
    }
    return -1;
  }

  /** The end of the run of {@code c} that starts at {@code i}. */
  private static int runEnd(String s, int i, char c) {
    int j = i;
    while (j < s.length() && s.charAt(j) == c) {
      j++;
    }
    return j;
  }

  /** Where the code span opened at {@code i} closes (a run of as many backticks), or -1. */
  private static int codeClose(String s, int i) {
    int open = runEnd(s, i, '`') - i;
    for (int j = i + open; j < s.length(); ) {
      int end = runEnd(s, j, '`');
      if (end == j) {
        j++;
      } else if (end - j == open) {
        return j;
      } else {
        j = end;
      }
    }
    return -1;
  }

  private static int code(String s, int i, StringBuilder out) {
    int open = runEnd(s, i, '`') - i;
    int close = codeClose(s, i);
    if (close < 0) {
      out.append(s, i, i + open); // backticks only
      return i + open;
    }
    String code = s.substring(i + open, close).replace('\n', ' ');
    if (code.length() > 1 && code.startsWith(" ") && code.endsWith(" ") && !code.isBlank()) {
      code = code.substring(1, code.length() - 1);
    }
    out.append("<code>").append(escape(code)).append("</code>");
    return close + open;
  }

  /**
   * The index of the next {@code delimiter} at or after {@code from} that is not escaped nor in a
   * code span and follows a non-space, or -1.
   */
  private static int closing(String s, int from, String delimiter) {
    for (int j = from; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '`') {
        int close = codeClose(s, j);
        j = close < 0 ? runEnd(s, j, '`') - 1 : close + (runEnd(s, close, '`') - close) - 1;
      } else if (delimiter.length() == 1 && s.startsWith("**", j)) {
        j++; // strong within emphasis
      } else if (s.startsWith(delimiter, j) && !Character.isWhitespace(s.charAt(j - 1))) {
        return j;
      }
    }
    return -1;
  }

  /** {@code **strong**} or {@code *emphasis*}; -1 when the asterisks are just asterisks. */
  private int emphasis(String s, int i, StringBuilder out) {
    String delimiter = s.startsWith("**", i) ? "**" : "*";
    int start = i + delimiter.length();
    if (start >= s.length() || Character.isWhitespace(s.charAt(start))) {
      if (delimiter.length() == 2) {
        out.append("**");
        return start;
      }
      return -1;
    }
    int close = closing(s, start + 1, delimiter);
    if (close < 0) {
      out.append(delimiter.equals("**") ? "**" : "*");
      return start;
    }
    String tag = delimiter.length() == 2 ? "strong" : "em";
    out.append('<').append(tag).append('>');
    render(s.substring(start, close), out);
    out.append("</").append(tag).append('>');
    return close + delimiter.length();
  }

  /** {@code [text](destination)}; -1 when the bracket opens no link. */
  private int link(String s, int i, StringBuilder out) {
    int textEnd = bracketClose(s, i);
    if (textEnd < 0 || textEnd + 1 >= s.length() || s.charAt(textEnd + 1) != '(') {
      return -1;
    }
    int close = -1;
    for (int depth = 0, j = textEnd + 2; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && depth-- == 0) {
        close = j;
        break;
      }
    }
    if (close < 0) {
      return -1;
    }
    String destination =
        s.substring(textEnd + 2, close).strip().replaceAll("\\\\(\\p{Punct})", "$1");
    anchor(links.apply(destination), s.substring(i + 1, textEnd), out);
    return close + 1;
  }

  /** The {@code ]} that closes the {@code [} at {@code i}, past code spans and nested brackets. */
  private static int bracketClose(String s, int i) {
    int depth = 0;
    for (int j = i + 1; j < s.length(); j++) {
      char c = s.charAt(j);
      if (c == '\\') {
        j++;
      } else if (c == '`' && codeClose(s, j) > 0) {
        j = codeClose(s, j) + (runEnd(s, j, '`') - j) - 1;
      } else if (c == '[') {
        depth++;
      } else if (c == ']' && depth-- == 0) {
        return j;
      }
    }
    return -1;
  }

  /** {@code <https://…>}; -1 when the angle bracket is just one. */
  private int autolink(String s, int i, StringBuilder out) {
    Matcher m = AUTOLINK.matcher(s).region(i, s.length());
    if (!m.lookingAt()) {
      return -1;
    }
    Optional<String> href = links.apply(m.group(1));
    href.ifPresent(h -> out.append("<a href=\"").append(escape(h)).append("\">"));
    out.append(escape(m.group(1)));
    href.ifPresent(h -> out.append("</a>"));
    return m.end();
  }

  private void anchor(Optional<String> href, String text, StringBuilder out) {
    href.ifPresent(h -> out.append("<a href=\"").append(escape(h)).append("\">"));
    render(text, out);
    href.ifPresent(h -> out.append("</a>"));
  }
}
