package io.frmonitor.api;

import io.frmonitor.alert.engine.AlertEngine;
import io.frmonitor.config.HttpSettings;
import io.frmonitor.export.PrometheusBridge;
import io.frmonitor.family.BadQueryException;
import io.frmonitor.family.Catalog;
import io.frmonitor.family.FamilySpec;
import io.frmonitor.registry.MetricRegistry;
import io.frmonitor.schedule.ExecutorTaskScheduler;
import io.frmonitor.schedule.TaskScheduler;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.websocket.WsConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API. Handlers only parse, read the registry and render; they never call a source.
 *
 * <p>Thread safety: handlers run on Jetty's pool ({@code fr-http}); everything they read is
 * thread-safe.
 */
public final class ApiServer implements AutoCloseable {
  /**
   * The Prometheus exposition again, at every scraper's default path; the JSON families stay under
   * {@code /metrics/<family>} (a different route: Javalin matches paths segment by segment).
   */
  static final String PROMETHEUS_ALIAS = "/metrics";

  /** The GET paths of the service itself; each family adds {@code /metrics/<family>}. */
  private static final List<String> OWN_PATHS =
      List.of(
          "/",
          "/healthz",
          "/readyz",
          "/metrics/actions",
          "/history",
          "/prometheus",
          PROMETHEUS_ALIAS,
          "/openapi.json",
          "/docs",
          Runbooks.PATH,
          AccessControl.WS_PATH);

  /** The GET paths of the alert engine, besides its family's {@code /alerts}. */
  private static final List<String> ALERT_PATHS =
      List.of("/alerts/rules", "/alerts/history", "/alerts/silences");

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final int MAX_THREADS = 8;

  private final String server;
  private final Catalog catalog;
  private final MetricRegistry registry;
  private final BooleanSupplier ready;
  private final int eventCapacity;
  private final Optional<PrometheusBridge> prometheus;
  private final Optional<AlertEngine> alerts;
  private final AccessControl access;
  private final LiveFeed live;
  private final Dashboard dashboard;
  private byte @Nullable [] openApi;
  private final byte[] docsPage = StaticAssets.read("docs.html");
  private final byte[] runbooksPage = Runbooks.page();
  private final Javalin app;

  /**
   * @param server the fr-server stack this instance watches ({@code MONITORING_SERVER_NAME}), named
   *     in {@code /healthz}, {@code /readyz}, {@code /}, the live feed's snapshot and the
   *     dashboard's title
   * @param catalog the registered families, each served at {@code /metrics/<family>}
   * @param ready whether every collector has made its first attempt
   * @param prometheus the exporter, or empty when {@code PROMETHEUS_ENABLED=false}
   */
  public ApiServer(
      HttpSettings http,
      String server,
      Catalog catalog,
      MetricRegistry registry,
      BooleanSupplier ready,
      Optional<PrometheusBridge> prometheus) {
    this(http, server, catalog, registry, ready, prometheus, Optional.empty());
  }

  /**
   * @param alerts the alert engine, whose rules, history and silences are served under {@code
   *     /alerts/}
   */
  public ApiServer(
      HttpSettings http,
      String server,
      Catalog catalog,
      MetricRegistry registry,
      BooleanSupplier ready,
      Optional<PrometheusBridge> prometheus,
      Optional<AlertEngine> alerts) {
    this(
        http,
        server,
        catalog,
        registry,
        ready,
        prometheus,
        alerts,
        LiveLimits.DEFAULT,
        new ExecutorTaskScheduler("fr-live"));
  }

  ApiServer(
      HttpSettings http,
      String server,
      Catalog catalog,
      MetricRegistry registry,
      BooleanSupplier ready,
      Optional<PrometheusBridge> prometheus,
      Optional<AlertEngine> alerts,
      LiveLimits liveLimits,
      TaskScheduler liveScheduler) {
    this.server = server;
    this.catalog = catalog;
    this.alerts = alerts;
    this.registry = registry;
    this.eventCapacity = registry.events().capacity();
    this.ready = ready;
    this.prometheus = prometheus;
    this.access = new AccessControl(http.access());
    this.live = new LiveFeed(registry, new LiveTopics(catalog, server), liveLimits, liveScheduler);
    this.dashboard = new Dashboard(access.protectsApi(), catalog, server);
    registry.addListener(live);
    this.app = Javalin.create(config -> configure(config, http));
  }

  /** Every GET path served; each is described in {@code /openapi.json}. */
  public List<String> paths() {
    List<String> paths = new ArrayList<>(OWN_PATHS);
    catalog.specs().forEach(s -> s.rest().ifPresent(r -> paths.add(s.path())));
    if (alerts.isPresent()) {
      paths.addAll(ALERT_PATHS);
    }
    return paths;
  }

  private void configure(JavalinConfig config, HttpSettings http) {
    config.startup.showJavalinBanner = false;
    config.jetty.host = http.host();
    config.jetty.port = http.port();
    QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 2, 60_000);
    pool.setName("fr-http");
    config.jetty.threadPool = pool;
    config.routes.before(access::check);
    // the upgrade request of a WebSocket does not pass the HTTP before-handlers
    config.routes.wsBeforeUpgrade(AccessControl.WS_PATH, access::check);
    pageRoutes(config);
    dataRoutes(config);
    errorHandlers(config);
  }

  /** The dashboard, the live feed, the docs and the alert runbooks. */
  private void pageRoutes(JavalinConfig config) {
    config.routes.get("/", this::index);
    config.routes.get("/ui/{asset}", dashboard::asset);
    config.routes.ws(AccessControl.WS_PATH, this::liveSocket);
    config.routes.get(
        AccessControl.WS_PATH,
        ctx -> {
          ctx.header("Upgrade", "websocket");
          Responses.error(
              ctx, 426, "upgrade_required", "/ws/metrics is a WebSocket: connect with ws://");
        });
    config.routes.get("/openapi.json", ctx -> Responses.json(ctx, openApi()));
    config.routes.get("/docs", ctx -> ctx.contentType("text/html").result(docsPage));
    config.routes.get("/docs/{asset}", docsAssets()::serve);
    config.routes.get(
        Runbooks.PATH,
        ctx -> {
          ctx.header("Content-Security-Policy", Runbooks.CONTENT_SECURITY_POLICY);
          ctx.contentType("text/html; charset=utf-8").result(runbooksPage);
        });
  }

  private void dataRoutes(JavalinConfig config) {
    FamilyRoutes families = new FamilyRoutes(registry);
    config.routes.get("/healthz", this::health);
    config.routes.get("/readyz", this::readiness);
    for (FamilySpec<?> spec : catalog.specs()) {
      if (spec.rest().isPresent()) {
        config.routes.get(spec.path(), ctx -> families.serve(spec, ctx));
      }
    }
    config.routes.get("/metrics/actions", new EventsRoutes(registry, eventCapacity)::actions);
    config.routes.get("/history", new HistoryRoutes(registry)::history);
    config.routes.get("/prometheus", this::prometheus);
    config.routes.get(PROMETHEUS_ALIAS, this::prometheus);
    alerts.ifPresent(engine -> alertRoutes(config, new AlertRoutes(engine, registry)));
  }

  private static void alertRoutes(JavalinConfig config, AlertRoutes routes) {
    config.routes.get("/alerts/rules", routes::rules);
    config.routes.get("/alerts/history", routes::history);
    config.routes.get("/alerts/silences", routes::silences);
    config.routes.post("/alerts/silences", routes::addSilence);
    config.routes.delete("/alerts/silences/{id}", routes::deleteSilence);
  }

  /** Every error is JSON: refusals with their reason, 404s, and unexpected failures as 500s. */
  private void errorHandlers(JavalinConfig config) {
    config.routes.exception(
        ApiException.class,
        (e, ctx) -> Responses.error(ctx, e.status(), e.code(), String.valueOf(e.getMessage())));
    config.routes.exception(
        BadQueryException.class,
        (e, ctx) -> Responses.error(ctx, 400, "bad_request", String.valueOf(e.getMessage())));
    config.routes.exception(Exception.class, this::unexpected);
    config.routes.error(
        404,
        "*",
        ctx -> {
          if (ctx.attribute(Responses.ERROR_WRITTEN) == null) {
            Responses.error(
                ctx, 404, "not_found", "no resource at " + ctx.method() + " " + ctx.path());
          }
        });
  }

  public ApiServer start() {
    app.start();
    return this;
  }

  /**
   * The API description, made on first request: schemas by reflection and example bodies are not
   * worth a slower start.
   */
  private synchronized byte[] openApi() {
    byte[] doc = openApi;
    if (doc == null) {
      doc = OpenApi.document(catalog);
      openApi = doc;
    }
    return doc;
  }

  /** WebSocket subscribers connected now. */
  int liveConnections() {
    return live.connectionCount();
  }

  /** The bound port (useful when configured as 0 in tests). */
  public int port() {
    return app.port();
  }

  /** The dashboard for a browser, this service's index for anything else. */
  private void index(Context ctx) {
    String accept = ctx.header("Accept");
    if (accept != null && accept.contains("text/html")) {
      dashboard.page(ctx);
      return;
    }
    Responses.json(ctx, new IndexDto("fr-monitor", server, "/docs", "/openapi.json", paths()));
  }

  private void liveSocket(WsConfig ws) {
    ws.onConnect(
        ctx -> {
          // a subscriber to a quiet topic still hears from the server: pings keep proxies from
          // closing the connection and find peers that vanished
          ctx.enableAutomaticPings(30, TimeUnit.SECONDS);
          ctx.session.setIdleTimeout(Duration.ofMinutes(5));
          live.connect(ctx.sessionId(), new JettyLiveSocket(ctx.session));
        });
    ws.onMessage(ctx -> live.receive(ctx.sessionId(), ctx.message()));
    ws.onClose(ctx -> live.disconnect(ctx.sessionId()));
    ws.onError(ctx -> live.disconnect(ctx.sessionId()));
  }

  private void health(Context ctx) {
    Responses.json(ctx, HealthDto.of(registry, server));
  }

  private void readiness(Context ctx) {
    boolean isReady = ready.getAsBoolean();
    ctx.status(isReady ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    Responses.json(
        ctx,
        new ReadyDto(
            isReady ? "ready" : "starting",
            server,
            isReady ? null : "waiting for the first collection of every collector"));
  }

  private void prometheus(Context ctx) throws IOException {
    if (prometheus.isEmpty()) {
      Responses.error(ctx, 404, "not_found", ctx.path() + " is off (PROMETHEUS_ENABLED=false)");
      return;
    }
    PrometheusBridge.Exposition scrape = prometheus.get().scrape(ctx.header("Accept"));
    // a scrape is rendered once a second at most, and gzipped once per rendering: served as is
    // (p50 2.9 instead of 4.3 ms under 32 concurrent scrapers of a 27 KB exposition)
    ctx.header("Vary", "Accept-Encoding");
    if (Responses.acceptsGzip(ctx)) {
      ctx.header("Content-Encoding", "gzip");
      Responses.write(ctx, scrape.contentType(), scrape.gzipped());
    } else {
      Responses.write(ctx, scrape.contentType(), scrape.body());
    }
  }

  private void unexpected(Exception e, Context ctx) {
    LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
    Responses.error(ctx, 500, "internal_error", "the request failed; see the service log");
  }

  /** The few Swagger UI files {@code /docs} needs, straight from the bundled WebJar. */
  private static StaticAssets docsAssets() {
    String root = StaticAssets.webjar("swagger-ui", "swagger-ui.version");
    return new StaticAssets(
        "documentation asset",
        Map.of(
            "swagger-ui.css", new StaticAssets.Asset(root + "swagger-ui.css", "text/css"),
            "swagger-ui-bundle.js",
                new StaticAssets.Asset(root + "swagger-ui-bundle.js", "text/javascript"),
            "favicon-32x32.png", new StaticAssets.Asset(root + "favicon-32x32.png", "image/png")));
  }

  @Override
  public void close() {
    app.stop();
    live.close();
  }

  /** {@code GET /}: what this service is, which server stack it watches, and where to look. */
  record IndexDto(
      String service, String server, String docs, String openapi, List<String> endpoints) {}

  /** {@code GET /readyz}. */
  record ReadyDto(String status, String server, @Nullable String reason) {}
}
