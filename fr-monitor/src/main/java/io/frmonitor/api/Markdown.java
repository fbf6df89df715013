package io.frmonitor.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A small Markdown renderer for the documents the service serves ({@code /runbooks}): ATX headings
 * with GitHub's anchor ids, paragraphs, bullet and numbered lists (nested by indentation), fenced
 * code blocks, block quotes, rules and pipe tables ({@link MarkdownTable}); inline, what {@link
 * MarkdownInline} reads. Not CommonMark, but enough for our own documents, and safe for any input:
 * every character of the source is escaped (raw HTML shows as text) and links keep only the
 * destinations a policy allows.
 *
 * <p>Thread safety: an instance renders one document on one thread; {@link #html} makes its own.
 */
final class Markdown {
  private static final Pattern HEADING =
      Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
  private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})(.*)$");
  private static final Pattern BULLET = Pattern.compile("^( {0,3})([-*+])( +)(.*)$");
  private static final Pattern ORDERED = Pattern.compile("^( {0,3})(\\d{1,9})[.)]( +)(.*)$");
  private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$");
  private static final Pattern QUOTE = Pattern.compile("^ {0,3}> ?(.*)$");
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_+#.-]+");

  private final MarkdownInline inline;
  private final Map<String, Integer> ids = new HashMap<>();
  private final StringBuilder out = new StringBuilder();

  private Markdown(Function<String, Optional<String>> links) {
    this.inline = new MarkdownInline(links);
  }

  /**
   * The HTML of {@code markdown}, a fragment to put in a page's body.
   *
   * @param links what a link's destination becomes: the {@code href} to use, or empty to show the
   *     link's text alone; {@link MarkdownInline#safeLink} keeps the safe ones as they are
   */
  static String html(String markdown, Function<String, Optional<String>> links) {
    Markdown m = new Markdown(links);
    m.blocks(markdown.replace("\t", "    ").lines().toList(), false);
    return m.out.toString();
  }

  /**
   * GitHub's anchor for a heading's text: lower case, spaces turned to {@code -}, and everything
   * but letters, digits, {@code -} and {@code _} dropped ({@code "Writing rules"} → {@code
   * writing-rules}, {@code "GET /metrics/actions"} → {@code get-metricsactions}).
   */
  static String slug(String text) {
    StringBuilder s = new StringBuilder();
    text.strip()
        .toLowerCase(Locale.ROOT)
        .codePoints()
        .forEach(
            c -> {
              if (c == ' ') {
                s.append('-');
              } else if (c == '-' || c == '_' || Character.isLetterOrDigit(c)) {
                s.appendCodePoint(c);
              }
            });
    return s.toString();
  }

  /** Renders the blocks of {@code lines}; in a tight list item, paragraphs go without {@code p}. */
  private void blocks(List<String> lines, boolean tight) {
    int i = 0;
    while (i < lines.size()) {
      i = lines.get(i).isBlank() ? i + 1 : block(lines, i, tight);
    }
  }

  /** Renders the block that starts at line {@code i}; returns the index of the line after it. */
  private int block(List<String> lines, int i, boolean tight) {
    String line = lines.get(i);
    Matcher m = FENCE.matcher(line);
    if (m.matches()) {
      return fence(lines, i, m);
    }
    m = HEADING.matcher(line);
    if (m.matches()) {
      heading(m.group(1).length(), m.group(2) == null ? "" : m.group(2));
      return i + 1;
    }
    if (RULE.matcher(line).matches()) {
      out.append("<hr>\n");
      return i + 1;
    }
    if (QUOTE.matcher(line).matches()) {
      return quote(lines, i);
    }
    if (MarkdownTable.at(lines, i)) {
      return MarkdownTable.render(lines, i, inline, out);
    }
    return ListItem.at(line) != null ? list(lines, i) : paragraph(lines, i, tight);
  }

  /** Whether line {@code i} starts a block other than a paragraph, and so ends a paragraph. */
  private static boolean interrupts(List<String> lines, int i) {
    String line = lines.get(i);
    return FENCE.matcher(line).matches()
        || HEADING.matcher(line).matches()
        || RULE.matcher(line).matches()
        || QUOTE.matcher(line).matches()
        || ListItem.at(line) != null
        || MarkdownTable.at(lines, i);
  }

  private int fence(List<String> lines, int start, Matcher open) {
    int indent = open.group(1).length();
    String marker = open.group(2);
    String info = open.group(3).strip();
    StringBuilder code = new StringBuilder();
    int i = start + 1;
    for (; i < lines.size() && !closesFence(lines.get(i), marker); i++) {
      String line = lines.get(i);
      int strip = Math.min(indent, line.length() - line.stripLeading().length());
      code.append(line, strip, line.length()).append('\n');
    }
    String language = info.isEmpty() ? "" : info.split("[ \\t]", 2)[0];
    out.append("<pre><code");
    if (LANGUAGE.matcher(language).matches()) {
      out.append(" class=\"language-").append(MarkdownInline.escape(language)).append('"');
    }
    out.append('>').append(MarkdownInline.escape(code.toString())).append("</code></pre>\n");
    return Math.min(i + 1, lines.size());
  }

  private static boolean closesFence(String line, String marker) {
    String s = line.strip();
    int run = 0;
    while (run < s.length() && s.charAt(run) == marker.charAt(0)) {
      run++;
    }
    return run >= marker.length() && run == s.length() && line.indexOf(s) <= 3;
  }

  private void heading(int level, String text) {
    String html = inline.html(text.strip());
    String id = uniqueId(slug(MarkdownInline.plain(html)));
    out.append("<h").append(level).append(" id=\"").append(MarkdownInline.escape(id)).append("\">");
    out.append(html).append("</h").append(level).append(">\n");
  }

  /** GitHub's way with a repeated anchor: {@code x}, then {@code x-1}, {@code x-2}. */
  private String uniqueId(String slug) {
    int seen = ids.merge(slug, 1, Integer::sum) - 1;
    return seen == 0 ? slug : slug + "-" + seen;
  }

  private int paragraph(List<String> lines, int start, boolean tight) {
    List<String> text = new ArrayList<>();
    int i = start;
    while (i < lines.size() && !lines.get(i).isBlank() && (i == start || !interrupts(lines, i))) {
      text.add(lines.get(i).strip());
      i++;
    }
    String html = inline.html(String.join("\n", text));
    out.append(tight ? html : "<p>" + html + "</p>\n");
    return i;
  }

  private int quote(List<String> lines, int start) {
    List<String> inner = new ArrayList<>();
    int i = start;
    for (; i < lines.size(); i++) {
      Matcher m = QUOTE.matcher(lines.get(i));
      if (!m.matches()) {
        break;
      }
      inner.add(m.group(1));
    }
    out.append("<blockquote>\n");
    blocks(inner, false);
    out.append("</blockquote>\n");
    return i;
  }

  /** The marker line of a list item. */
  private record ListItem(int indent, boolean ordered, int number, int contentIndent, String text) {
    static @Nullable ListItem at(String line) {
      Matcher bullet = BULLET.matcher(line);
      boolean ordered = !bullet.matches();
      Matcher m = ordered ? ORDERED.matcher(line) : bullet;
      if (ordered && !m.matches()) {
        return null;
      }
      int indent = m.group(1).length();
      int content = indent + m.group(2).length() + (ordered ? 1 : 0) + m.group(3).length();
      return new ListItem(
          indent, ordered, ordered ? Integer.parseInt(m.group(2)) : 1, content, m.group(4));
    }

    boolean sameListAs(@Nullable ListItem other) {
      return other != null && other.ordered == ordered && other.indent < contentIndent;
    }
  }

  private int list(List<String> lines, int start) {
    ListItem first = java.util.Objects.requireNonNull(ListItem.at(lines.get(start)));
    List<List<String>> items = new ArrayList<>();
    boolean loose = false;
    int i = start;
    while (i < lines.size() && first.sameListAs(ListItem.at(lines.get(i)))) {
      List<String> body = new ArrayList<>();
      i = item(lines, i, body);
      items.add(body);
      loose |= body.contains("");
      boolean gap = i + 1 < lines.size() && lines.get(i).isBlank();
      if (gap && first.sameListAs(ListItem.at(lines.get(i + 1)))) {
        loose = true;
        i++;
      }
    }
    String tag = first.ordered() ? "ol" : "ul";
    out.append('<').append(tag);
    if (first.ordered() && first.number() != 1) {
      out.append(" start=\"").append(first.number()).append('"');
    }
    out.append(">\n");
    for (List<String> body : items) {
      out.append("<li>");
      blocks(body, !loose);
      out.append("</li>\n");
    }
    out.append("</").append(tag).append(">\n");
    return i;
  }

  /**
   * Collects into {@code body} the lines of the item whose marker is at line {@code start}, less
   * the item's indentation: its marker line's text, the lines indented under it (after a blank line
   * too), and lines that merely continue its paragraph. Returns the line after the item.
   */
  private static int item(List<String> lines, int start, List<String> body) {
    ListItem item = java.util.Objects.requireNonNull(ListItem.at(lines.get(start)));
    body.add(item.text());
    int i = start + 1;
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      int indent = line.length() - line.stripLeading().length();
      if (line.isBlank()) {
        String next = i + 1 < lines.size() ? lines.get(i + 1) : "";
        if (next.isBlank() || next.length() - next.stripLeading().length() < item.contentIndent()) {
          break;
        }
        body.add("");
      } else if (indent >= item.contentIndent()) {
        body.add(line.substring(item.contentIndent()));
      } else if (body.get(body.size() - 1).isEmpty() || interrupts(lines, i)) {
        break;
      } else {
        body.add(line.strip()); // a lazy continuation of the item's paragraph
      }
    }
    return i;
  }
}
