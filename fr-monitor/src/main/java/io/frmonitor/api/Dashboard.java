package io.frmonitor.api;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The built-in dashboard: one page and its script and style, plus uPlot for the charts, all served
 * by this process from the class path (no build step, nothing fetched from elsewhere). The page
 * holds no data: it reads everything through {@code /ws/metrics} and the REST API, with the token
 * the user gives when the API needs one.
 */
final class Dashboard {
  private static final String UI = "/io/frmonitor/api/ui/";
  private static final String UPLOT = StaticAssets.webjar("uplot", "uplot.version") + "dist/";

  private final StaticAssets assets =
      new StaticAssets(
          "dashboard asset",
          Map.of(
              "app.js", new StaticAssets.Asset(UI + "app.js", "text/javascript"),
              "style.css", new StaticAssets.Asset(UI + "style.css", "text/css"),
              "uPlot.iife.min.js",
                  new StaticAssets.Asset(UPLOT + "uPlot.iife.min.js", "text/javascript"),
              "uPlot.min.css", new StaticAssets.Asset(UPLOT + "uPlot.min.css", "text/css")));
  private final byte[] page;

  /**
   * @param tokenRequired whether the page must ask for the API token before it can read anything
   */
  Dashboard(boolean tokenRequired) {
    StaticAssets template =
        new StaticAssets(
            "page", Map.of("index.html", new StaticAssets.Asset(UI + "index.html", "text/html")));
    String html = new String(template.bytes("index.html"), StandardCharsets.UTF_8);
    page =
        html.replace("${tokenRequired}", Boolean.toString(tokenRequired))
            .getBytes(StandardCharsets.UTF_8);
  }

  void page(Context ctx) {
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  void asset(Context ctx) {
    assets.serve(ctx);
  }
}
