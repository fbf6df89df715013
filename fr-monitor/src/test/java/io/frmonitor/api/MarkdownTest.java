package io.frmonitor.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {
  private static String html(String markdown) {
    return Markdown.html(markdown, MarkdownInline::safeLink);
  }

  @Test
  void headingsGetGitHubsAnchorsAsIds() {
    assertThat(html("# Alerts\n## Missing data is never resolved\n### ResultsStalled\n"))
        .isEqualTo(
            """
            <h1 id="alerts">Alerts</h1>
            <h2 id="missing-data-is-never-resolved">Missing data is never resolved</h2>
            <h3 id="resultsstalled">ResultsStalled</h3>
            """);
    assertThat(html("## Silences: `GET`, `POST /alerts/silences`, `DELETE /alerts/silences/{id}`"))
        .startsWith("<h2 id=\"silences-get-post-alertssilences-delete-alertssilencesid\">");
    assertThat(html("## 3. Gateway events ##"))
        .contains("id=\"3-gateway-events\">3. Gateway events<");
    assertThat(html("## snake_case & co-op")).contains("id=\"snake_case--co-op\"");
  }

  @Test
  void aRepeatedHeadingGetsANumberedAnchor() {
    assertThat(html("## Do\n## Do\n## Do\n"))
        .contains("id=\"do\"")
        .contains("id=\"do-1\"")
        .contains("id=\"do-2\"");
  }

  @Test
  void rawHtmlIsShownAsTextEverywhere() {
    String html =
        html(
            "<script>alert(1)</script>\n\n# <b>x</b>\n\n- <img src=x onerror=alert(1)>\n\n"
                + "| <i>a</i> |\n| --- |\n| \"q\" & 'a' |\n\n```\n<script>\n```\n\n`<script>`");
    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<b>")
        .doesNotContain("<img")
        .doesNotContain("<i>")
        .contains("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
        .contains("<h1 id=\"bxb\">&lt;b&gt;x&lt;/b&gt;</h1>")
        .contains("<li>&lt;img src=x onerror=alert(1)&gt;</li>")
        .contains("<td>&quot;q&quot; &amp; &#39;a&#39;</td>")
        .contains("<pre><code>&lt;script&gt;\n</code></pre>")
        .contains("<code>&lt;script&gt;</code>");
  }

  @Test
  void paragraphsAreSeparatedByBlankLines() {
    assertThat(html("one\ntwo\n\nthree\n")).isEqualTo("<p>one\ntwo</p>\n<p>three</p>\n");
  }

  @Test
  void bulletListsKeepContinuationLinesAndNest() {
    assertThat(html("- **Means:** a\n  b\n- `x`:\n  - inner\n  - other\n\nafter"))
        .isEqualTo(
            """
            <ul>
            <li><strong>Means:</strong> a
            b</li>
            <li><code>x</code>:<ul>
            <li>inner</li>
            <li>other</li>
            </ul>
            </li>
            </ul>
            <p>after</p>
            """);
  }

  @Test
  void numberedListsKeepTheirStart() {
    assertThat(html("1. one\n2. two\n")).isEqualTo("<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n");
    assertThat(html("3. three\n4. four\n")).startsWith("<ol start=\"3\">\n<li>three</li>");
  }

  @Test
  void fencedCodeIsVerbatimWithItsLanguage() {
    assertThat(html("```yaml\nrules:\n  - alert: X   # **not bold**\n```\nafter"))
        .isEqualTo(
            """
            <pre><code class="language-yaml">rules:
              - alert: X   # **not bold**
            </code></pre>
            <p>after</p>
            """);
    assertThat(html("```\nunclosed <x>"))
        .isEqualTo("<pre><code>unclosed &lt;x&gt;\n</code></pre>\n");
  }

  @Test
  void inlineCodeStrongAndEmphasis() {
    assertThat(html("`a * b` and **bold `c`** and *em* and 2 * 3 * 4 and ``x ` y``"))
        .isEqualTo(
            "<p><code>a * b</code> and <strong>bold <code>c</code></strong> and <em>em</em>"
                + " and 2 * 3 * 4 and <code>x ` y</code></p>\n");
    assertThat(html("\\*not em\\* and \\`not code\\`"))
        .isEqualTo("<p>*not em* and `not code`</p>\n");
  }

  @Test
  void linksKeepSafeDestinationsOnly() {
    assertThat(html("[Notifications](#notifications), [api](api.md#get-alerts), <https://x.org/a>"))
        .isEqualTo(
            "<p><a href=\"#notifications\">Notifications</a>,"
                + " <a href=\"api.md#get-alerts\">api</a>,"
                + " <a href=\"https://x.org/a\">https://x.org/a</a></p>\n");
    assertThat(html("[**b** `c`](https://x.org/?a=1&b=\"2\")"))
        .isEqualTo(
            "<p><a href=\"https://x.org/?a=1&amp;b=&quot;2&quot;\"><strong>b</strong>"
                + " <code>c</code></a></p>\n");
    assertThat(html("[x](javascript:alert(1)) [y](JavaScript:alert(1)) [z](\u0001javascript:x)"))
        .isEqualTo("<p>x y z</p>\n")
        .doesNotContain("href");
    assertThat(html("[not a link] (x)")).isEqualTo("<p>[not a link] (x)</p>\n");
  }

  @Test
  void pipeTablesWithEscapedPipesAndAlignment() {
    assertThat(
            html(
                "| Rule | Condition | for |\n| --- | :---: | ---: |\n"
                    + "| [A](#a) | `x{q=~\"a\\|b\"} > 1` | 1m |\n| B |\n\nafter"))
        .isEqualTo(
            "<table>\n<thead>\n"
                + "<tr><th>Rule</th><th class=\"center\">Condition</th><th class=\"right\">for</th></tr>\n"
                + "</thead>\n<tbody>\n"
                + "<tr><td><a href=\"#a\">A</a></td>"
                + "<td class=\"center\"><code>x{q=~&quot;a|b&quot;} &gt; 1</code></td>"
                + "<td class=\"right\">1m</td></tr>\n"
                + "<tr><td>B</td><td class=\"center\"></td><td class=\"right\"></td></tr>\n"
                + "</tbody>\n</table>\n<p>after</p>\n");
  }

  @Test
  void anyInputRendersWithoutFailingAndWithoutATagOfItsOwn() {
    String alphabet = "#*`[]()<>|-:\\ \n1.>ab_~!\"'&";
    java.util.Random random = new java.util.Random(42);
    for (int n = 0; n < 5000; n++) {
      StringBuilder source = new StringBuilder();
      for (int i = random.nextInt(120); i > 0; i--) {
        source.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String html = html(source.toString());
      assertThat(
              html.replaceAll(
                  "</?(h[1-6]|p|ul|ol|li|pre|code|em|strong|a|table|thead|tbody|tr|th|td|blockquote|hr)( [^<>]*)?>",
                  ""))
          .as(source.toString())
          .doesNotContain("<")
          .doesNotContain(">");
    }
  }

  @Test
  void aLineWithAPipeButNoDelimiterRowIsAParagraph() {
    assertThat(html("a | b\nc")).isEqualTo("<p>a | b\nc</p>\n");
  }
}
