package io.frmonitor.alert.notify;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * A receiver's URL as it is called and as it is shown. Credentials in the URL ({@code
 * https://user:pass@host/...}) become a Basic {@code Authorization} header and appear nowhere else:
 * not in {@link #target}, {@link #display}, errors or logs.
 *
 * @param target the URL requested: without credentials and fragment, with its query
 * @param display how it is named: scheme, host, port and path; no credentials, no query
 * @param authorization the {@code Authorization} header's value, when the URL had credentials
 */
public record Endpoint(URI target, String display, Optional<String> authorization) {
  /**
   * Checks and splits {@code url}.
   *
   * @throws IllegalArgumentException naming the URL (credentials masked) unless it is an absolute
   *     http or https URL with a host
   */
  public static Endpoint of(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.isOpaque()
        || url.getHost() == null
        || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException(
          "\"" + masked(url) + "\": expected an http or https URL with a host");
    }
    String origin =
        scheme + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort());
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
    Optional<String> authorization =
        Optional.ofNullable(url.getUserInfo())
            .map(
                u ->
                    "Basic "
                        + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
    return new Endpoint(URI.create(origin + path + query), origin + path, authorization);
  }

  /**
   * This endpoint with {@code suffix} appended to its path, with or without a trailing slash on the
   * path: {@code http://am:9093/} and {@code http://am:9093} both give {@code
   * http://am:9093/api/v2/alerts} for {@code /api/v2/alerts}. The display name stays the same.
   */
  public Endpoint append(String suffix) {
    String path = target.getRawPath() == null ? "" : target.getRawPath();
    String base = stripTrailingSlashes(path);
    String query = target.getRawQuery() == null ? "" : "?" + target.getRawQuery();
    String origin = target.getScheme() + "://" + target.getRawAuthority();
    return new Endpoint(URI.create(origin + base + suffix + query), display, authorization);
  }

  /** Host and port, for errors: {@code am.example:9093}. */
  public String hostAndPort() {
    return target.getRawAuthority();
  }

  private static String stripTrailingSlashes(String path) {
    String p = path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static String masked(URI url) {
    String raw = url.toString();
    String userInfo = url.getRawUserInfo();
    return userInfo == null ? raw : raw.replace(userInfo + "@", "***@");
  }
}
