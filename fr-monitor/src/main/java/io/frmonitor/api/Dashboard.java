package io.frmonitor.api;

import io.frmonitor.family.Card;
import io.frmonitor.family.Catalog;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.model.Family;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The built-in dashboard: one page and its script and style, plus uPlot for the charts, all served
 * by this process from the class path (no build step, nothing fetched from elsewhere). The page
 * holds no data: it reads everything through {@code /ws/metrics} and the REST API, with the token
 * the user gives when the API needs one. Its cards are the registered families' (in registration
 * order, after the collectors' own), described in the page so that the script loops over them.
 */
final class Dashboard {
  private static final String UI = "/io/frmonitor/api/ui/";
  private static final String UPLOT = StaticAssets.webjar("uplot", "uplot.version") + "dist/";

  /** The page's own scripts, in the order it loads them, and its style. */
  private static final List<String> SCRIPTS =
      List.of(
          "theme.js",
          "cards.js",
          "feed.js",
          "charts.js",
          "trends.js",
          "timeline.js",
          "views.js",
          "strip.js",
          "alerts.js",
          "app.js");

  private final StaticAssets assets = new StaticAssets("dashboard asset", assetList());
  private final byte[] page;

  /**
   * @param tokenRequired whether the page must ask for the API token before it can read anything
   * @param server the server stack's name, in the page's title ({@code fr-monitor — S1}), so that
   *     the tabs of a fleet's dashboards tell themselves apart
   */
  Dashboard(boolean tokenRequired, Catalog catalog, String server) {
    StaticAssets template =
        new StaticAssets(
            "page", Map.of("index.html", new StaticAssets.Asset(UI + "index.html", "text/html")));
    String html = new String(template.bytes("index.html"), StandardCharsets.UTF_8);
    String cards = new String(Json.bytes(cards(catalog)), StandardCharsets.UTF_8);
    page =
        html.replace("${tokenRequired}", Boolean.toString(tokenRequired))
            // the name is checked to be of A-Z a-z 0-9 _ . - (SettingsLoader): nothing to escape
            .replace("${server}", server)
            // inside <script>, "</" would end the element early
            .replace("${cards}", cards.replace("</", "<\\/"))
            .getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, StaticAssets.Asset> assetList() {
    Map<String, StaticAssets.Asset> assets = new LinkedHashMap<>();
    SCRIPTS.forEach(name -> assets.put(name, new StaticAssets.Asset(UI + name, "text/javascript")));
    assets.put("style.css", new StaticAssets.Asset(UI + "style.css", "text/css"));
    assets.put(
        "uPlot.iife.min.js",
        new StaticAssets.Asset(UPLOT + "uPlot.iife.min.js", "text/javascript"));
    assets.put("uPlot.min.css", new StaticAssets.Asset(UPLOT + "uPlot.min.css", "text/css"));
    return assets;
  }

  /** What the page draws: the collectors' card, then one per family that has one. */
  static List<CardDto> cards(Catalog catalog) {
    List<CardDto> cards = new ArrayList<>();
    cards.add(
        new CardDto(
            LiveTopics.COLLECTORS, "Collectors", "custom", List.of(), List.of(), null, List.of()));
    for (FamilySpec<?> spec : catalog.specs()) {
      spec.card().ifPresent(card -> cards.add(CardDto.of(spec, card)));
    }
    return cards;
  }

  void page(Context ctx) {
    ctx.header("Cache-Control", "no-cache");
    ctx.contentType("text/html; charset=utf-8").result(page);
  }

  void asset(Context ctx) {
    assets.serve(ctx);
  }

  /**
   * One card as the page reads it.
   *
   * @param id the family's name: its topic, its REST path's last segment, and for a custom card the
   *     name of its renderer in the script
   * @param families the families it shows, whose collectors' status it reports
   */
  record CardDto(
      String id,
      String title,
      String layout,
      List<String> families,
      List<TileDto> tiles,
      @Nullable TableDto table,
      List<String> notes) {
    static CardDto of(FamilySpec<?> spec, Card card) {
      return new CardDto(
          spec.name(),
          spec.title(),
          card.layout().label(),
          spec.reads().stream().map(Family::name).sorted().toList(),
          card.tiles().stream()
              .map(t -> new TileDto(t.label(), t.path(), t.format().label()))
              .toList(),
          card.table()
              .map(
                  t ->
                      new TableDto(
                          t.rows(),
                          t.empty(),
                          t.columns().stream()
                              .map(c -> new TileDto(c.label(), c.path(), c.format().label()))
                              .toList()))
              .orElse(null),
          card.notes());
    }
  }

  /** A value on a card (a tile, or a table column): its label, JSON path and format. */
  record TileDto(String label, String path, String format) {}

  record TableDto(String rows, String empty, List<TileDto> columns) {}
}
