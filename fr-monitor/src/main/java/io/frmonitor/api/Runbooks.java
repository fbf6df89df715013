package io.frmonitor.api;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /runbooks}: the alert runbooks as one self-contained HTML page — the repository's
 * {@code docs/alerts.md}, which the build puts in the jar, rendered by {@link Markdown}. Each
 * shipped rule's {@code runbook_url} is {@code docs/alerts.md#<anchor>}, and the page gives every
 * heading GitHub's anchor as its {@code id}, so {@code /runbooks#<anchor>} opens the rule's
 * section. The page holds no data: it is as public as {@code /docs}.
 *
 * <p>Thread safety: stateless; the page is made once, by the server's constructor.
 */
final class Runbooks {
  static final String PATH = "/runbooks";

  /** Scripts, frames, images, fonts and forms: none. The only style is the page's own. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

  private static final String SOURCE = "alerts.md";

  private static final String STYLE =
      """
      :root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e;
        --line: #d1d9e0; --code: #f6f8fa; --link: #0969da; --mark: #fff8c5; }
      @media (prefers-color-scheme: dark) {
        :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d;
          --code: #151b23; --link: #4493f8; --mark: #3b2e00; } }
      body { margin: 0; background: var(--bg); color: var(--fg);
        font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
      main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
      header { color: var(--muted); font-size: .875rem; }
      h1, h2, h3, h4 { line-height: 1.25; margin: 1.75em 0 .5em; scroll-margin-top: 1rem; }
      h1 { font-size: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .3em; }
      h2 { font-size: 1.5rem; border-bottom: 1px solid var(--line); padding-bottom: .3em; }
      h3 { font-size: 1.2rem; }
      :target { background: var(--mark); }
      a { color: var(--link); }
      code, pre { font: .875em/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        background: var(--code); border-radius: 6px; }
      code { padding: .15em .35em; }
      pre { padding: 1em; overflow: auto; }
      pre code { padding: 0; background: none; font-size: 1em; }
      table { border-collapse: collapse; display: block; overflow: auto; margin: 1em 0; }
      th, td { border: 1px solid var(--line); padding: .35em .7em; vertical-align: top; }
      th { background: var(--code); text-align: left; }
      .center { text-align: center; } .right { text-align: right; }
      blockquote { margin: 1em 0; padding: 0 1em; color: var(--muted);
        border-left: .25em solid var(--line); }
      li + li { margin-top: .25em; }
      """;

  private Runbooks() {}

  /** The page, from the bundled {@code alerts.md}. */
  static byte[] page() {
    String markdown = new String(StaticAssets.read(SOURCE), StandardCharsets.UTF_8);
    return page(Markdown.html(markdown, Runbooks::link)).getBytes(StandardCharsets.UTF_8);
  }

  static String page(String body) {
    return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>Alert runbooks · fr-monitor</title>\n<style>\n"
        + STYLE
        + "</style>\n</head>\n<body>\n<main>\n"
        + "<header>fr-monitor · alert runbooks (docs/alerts.md) · <a href=\"/\">dashboard</a>"
        + " · <a href=\"/docs\">API</a></header>\n"
        + body
        + "</main>\n</body>\n</html>\n";
  }

  /**
   * A link of {@code alerts.md} on the page: to a section of its own, an anchor; to another of the
   * repository's documents, which the service does not serve, none (its text stays); else as {@link
   * MarkdownInline#safeLink} allows.
   */
  static Optional<String> link(String destination) {
    if (destination.startsWith(SOURCE + "#")) {
      return MarkdownInline.safeLink(destination.substring(SOURCE.length()));
    }
    String path = destination.replaceFirst("[?#].*", "");
    if (!path.contains(":") && path.endsWith(".md")) {
      return Optional.empty();
    }
    return MarkdownInline.safeLink(destination);
  }
}
