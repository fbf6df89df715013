package io.frmonitor.api;

import io.frmonitor.config.ApiAccess;
import io.frmonitor.config.Secret;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Bearer tokens and cross-origin access, checked before every request.
 *
 * <p>Public, whatever the token: {@code /healthz} and {@code /readyz} (probes), and the pages that
 * hold no data — the dashboard's shell and assets, {@code /docs}, {@code /openapi.json} and {@code
 * /runbooks} — so a browser can load them and then ask for the token. The Prometheus exposition
 * ({@code /prometheus}, {@code /metrics}) takes the scrape token. Everything else needs {@code
 * Authorization: Bearer <token>}; the WebSocket also takes {@code ?token=}, since browsers cannot
 * set headers on it. Tokens are compared in constant time (as SHA-256 digests, so neither content
 * nor length leaks through timing).
 */
final class AccessControl {
  static final String WS_PATH = "/ws/metrics";
  private static final Set<String> PUBLIC_PATHS =
      Set.of("/", "/healthz", "/readyz", "/docs", "/openapi.json", Runbooks.PATH, "/favicon.ico");
  private static final List<String> PUBLIC_PREFIXES = List.of("/ui/", "/docs/");

  private final byte @Nullable [] apiDigest;
  private final byte @Nullable [] scrapeDigest;
  private final List<String> origins;

  AccessControl(ApiAccess access) {
    this.apiDigest = digest(access.apiToken());
    this.scrapeDigest = digest(access.scrapeToken());
    this.origins = access.corsOrigins();
  }

  /** Whether any token is configured (the dashboard asks for one only then). */
  boolean protectsApi() {
    return apiDigest != null;
  }

  /** The before-handler: answers preflights, sets CORS headers, refuses a missing/wrong token. */
  void check(Context ctx) {
    boolean preflight = allowOrigin(ctx);
    if (preflight) {
      ctx.status(204);
      ctx.skipRemainingHandlers();
      return;
    }
    String path = ctx.path();
    if (isPublic(path)) {
      return;
    }
    if (path.equals(WS_PATH)) {
      refuseForeignPage(ctx);
    }
    byte[] expected = isScrape(path) ? scrapeDigest : apiDigest;
    if (expected != null) {
      requireToken(ctx, path, expected);
    }
  }

  private static void requireToken(Context ctx, String path, byte[] expected) {
    String presented = bearer(ctx.header("Authorization"));
    if (presented == null && path.equals(WS_PATH)) {
      presented = ctx.queryParam("token");
    }
    if (presented == null) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"fr-monitor\"");
      throw ApiException.unauthorized(
          "this endpoint needs Authorization: Bearer <token>"
              + (path.equals(WS_PATH) ? " or ?token=<token>" : ""));
    }
    if (!MessageDigest.isEqual(expected, digest(presented))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"fr-monitor\", error=\"invalid_token\"");
      throw ApiException.unauthorized("the token is not valid");
    }
  }

  /**
   * Sets {@code Access-Control-Allow-Origin} for an allowed origin; returns whether the request is
   * a preflight it has answered.
   */
  private boolean allowOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || origins.isEmpty()) {
      return false;
    }
    ctx.header("Vary", "Origin");
    if (!origins.contains("*") && !origins.contains(origin)) {
      return false;
    }
    ctx.header("Access-Control-Allow-Origin", origins.contains("*") ? "*" : origin);
    if (HandlerType.OPTIONS.equals(ctx.method())
        && ctx.header("Access-Control-Request-Method") != null) {
      ctx.header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
      ctx.header("Access-Control-Max-Age", "600");
      return true;
    }
    return false;
  }

  /**
   * Browsers let any page open a WebSocket anywhere (no CORS), but say which page did in {@code
   * Origin}: only the dashboard's own origin and the allowed ones may read the feed.
   */
  private void refuseForeignPage(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || origins.contains("*") || origins.contains(origin)) {
      return;
    }
    String host = ctx.header("Host");
    if (host != null
        && (origin.equalsIgnoreCase("http://" + host)
            || origin.equalsIgnoreCase("https://" + host))) {
      return;
    }
    throw ApiException.forbidden(
        "a page from " + origin + " may not open /ws/metrics: add it to MONITORING_CORS_ORIGINS");
  }

  /** The Prometheus exposition's paths, which take the scrape token. */
  private static boolean isScrape(String path) {
    return path.equals("/prometheus") || path.equals(ApiServer.PROMETHEUS_ALIAS);
  }

  private static boolean isPublic(String path) {
    return PUBLIC_PATHS.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
  }

  private static @Nullable String bearer(@Nullable String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7).strip();
  }

  private static byte @Nullable [] digest(Secret token) {
    return token.isEmpty() ? null : digest(token.value());
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
