package io.frmonitor.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves a fixed set of files from the class path — the dashboard's own and those it and {@code
 * /docs} take from WebJars — cached after the first read. Only the names listed are served.
 * (Javalin's generic WebJar support indexes the whole fat jar as a zip file system, about 10 MB of
 * heap.)
 *
 * <p>Thread safety: the byte cache is a concurrent map of immutable arrays.
 */
final class StaticAssets {
  /** One servable file: where it lies on the class path and its content type. */
  record Asset(String resource, String contentType) {}

  private static final Properties BUILD = buildProperties();

  private final String what;
  private final Map<String, Asset> assets;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  /**
   * @param what how a missing name is described in the 404, such as {@code dashboard asset}
   */
  StaticAssets(String what, Map<String, Asset> assets) {
    this.what = what;
    this.assets = Map.copyOf(assets);
  }

  /** The class-path folder of a WebJar's files, by the version the build recorded. */
  static String webjar(String name, String versionProperty) {
    return "/META-INF/resources/webjars/" + name + "/" + BUILD.getProperty(versionProperty) + "/";
  }

  /** Serves path parameter {@code asset}, or a JSON 404. */
  void serve(Context ctx) {
    String name = ctx.pathParam("asset");
    Asset asset = assets.get(name);
    if (asset == null) {
      Responses.error(ctx, 404, "not_found", "no " + what + " " + name);
      return;
    }
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType(asset.contentType()).result(bytes(name));
  }

  /** The file's content (read once); {@code name} must be one of the listed names. */
  byte[] bytes(String name) {
    Asset asset =
        Objects.requireNonNull(assets.get(name), () -> "not a listed " + what + ": " + name);
    return cache.computeIfAbsent(name, n -> read(asset.resource()));
  }

  /** A class-path resource, relative to this package unless it starts with {@code /}. */
  static byte[] read(String resource) {
    try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties buildProperties() {
    Properties build = new Properties();
    try (InputStream in = StaticAssets.class.getResourceAsStream("build.properties")) {
      build.load(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing build.properties", e);
    }
    return build;
  }
}
