package io.frmonitor.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipe tables of {@link Markdown}: a header row, a delimiter row with as many cells ({@code
 * ---}, {@code :---:} centred, {@code ---:} right), then rows up to a blank line or a line without
 * {@code |}. A row with fewer cells is padded, one with more cut.
 *
 * <p>Thread safety: stateless.
 */
final class MarkdownTable {
  private static final Pattern DELIMITER_CELL = Pattern.compile("^[ \\t]*(:?)-+(:?)[ \\t]*$");

  private MarkdownTable() {}

  /** Whether a table starts at line {@code i}. */
  static boolean at(List<String> lines, int i) {
    if (i + 1 >= lines.size() || !lines.get(i).contains("|")) {
      return false;
    }
    List<String> delimiters = cells(lines.get(i + 1));
    return lines.get(i + 1).contains("-")
        && delimiters.stream().allMatch(c -> DELIMITER_CELL.matcher(c).matches())
        && delimiters.size() == cells(lines.get(i)).size();
  }

  /** Renders the table that starts at line {@code start}; returns the line after it. */
  static int render(List<String> lines, int start, MarkdownInline inline, StringBuilder out) {
    List<String> align = new ArrayList<>();
    for (String cell : cells(lines.get(start + 1))) {
      Matcher m = DELIMITER_CELL.matcher(cell);
      boolean left = m.matches() && !m.group(1).isEmpty();
      boolean right = m.matches() && !m.group(2).isEmpty();
      align.add(left && right ? "center" : right ? "right" : left ? "left" : "");
    }
    out.append("<table>\n<thead>\n");
    row(cells(lines.get(start)), align, "th", inline, out);
    out.append("</thead>\n<tbody>\n");
    int i = start + 2;
    for (; i < lines.size() && !lines.get(i).isBlank() && lines.get(i).contains("|"); i++) {
      row(cells(lines.get(i)), align, "td", inline, out);
    }
    out.append("</tbody>\n</table>\n");
    return i;
  }

  private static void row(
      List<String> cells,
      List<String> align,
      String tag,
      MarkdownInline inline,
      StringBuilder out) {
    out.append("<tr>");
    for (int c = 0; c < align.size(); c++) {
      out.append('<').append(tag);
      if (!align.get(c).isEmpty()) {
        out.append(" class=\"").append(align.get(c)).append('"');
      }
      out.append('>').append(c < cells.size() ? inline.html(cells.get(c)) : "");
      out.append("</").append(tag).append('>');
    }
    out.append("</tr>\n");
  }

  /** A row's cells, split at each {@code |} not escaped; {@code \|} in a cell is a {@code |}. */
  static List<String> cells(String line) {
    String s = line.strip();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = s.startsWith("|") ? 1 : 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (!cell.toString().isBlank() || !s.endsWith("|")) {
      cells.add(cell.toString().strip());
    }
    return cells;
  }
}
