package io.frmonitor.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the few Swagger UI files {@code /docs} needs straight from the bundled webjar. (Javalin's
 * generic webjar support indexes the whole fat jar as a zip file system, about 10 MB of heap.)
 *
 * <p>Thread safety: the byte cache is a concurrent map of immutable arrays.
 */
final class DocsAssets {
  private static final Map<String, String> TYPES =
      Map.of(
          "swagger-ui.css", "text/css",
          "swagger-ui-bundle.js", "text/javascript",
          "favicon-32x32.png", "image/png");

  private final String root;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  DocsAssets() {
    Properties build = new Properties();
    try (InputStream in = DocsAssets.class.getResourceAsStream("build.properties")) {
      build.load(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing build.properties", e);
    }
    root =
        "/META-INF/resources/webjars/swagger-ui/" + build.getProperty("swagger-ui.version") + "/";
  }

  void serve(Context ctx) {
    String name = ctx.pathParam("asset");
    String type = TYPES.get(name);
    if (type == null) {
      Responses.error(ctx, 404, "not_found", "no documentation asset " + name);
      return;
    }
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.contentType(type).result(cache.computeIfAbsent(name, this::load));
  }

  private byte[] load(String name) {
    try (InputStream in = DocsAssets.class.getResourceAsStream(root + name)) {
      if (in == null) {
        throw new IllegalStateException("swagger-ui webjar lacks " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
