package io.frmonitor.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where alert rules come from and where alerts go.
 *
 * @param rulesFile a rules file over the shipped rules; empty: the shipped rules only
 * @param webhooks receivers of Alertmanager's webhook v4 JSON
 * @param alertmanagers Alertmanagers' base URLs (API v2)
 * @param externalUrl how operators reach this service, for links in notifications; empty: made from
 *     the HTTP host and port
 */
public record AlertSettings(
    Optional<Path> rulesFile,
    List<URI> webhooks,
    List<URI> alertmanagers,
    Optional<URI> externalUrl) {
  public AlertSettings {
    webhooks = List.copyOf(webhooks);
    alertmanagers = List.copyOf(alertmanagers);
  }

  /** No rules file, no receiver. */
  public static final AlertSettings NONE =
      new AlertSettings(Optional.empty(), List.of(), List.of(), Optional.empty());

  /**
   * Reads the alert variables.
   *
   * @param raw a variable's value, its default when unset
   * @throws ConfigException naming the variable at fault
   */
  static AlertSettings read(Function<Variable, String> raw) {
    List<URI> externals = urls(Variable.MONITORING_EXTERNAL_URL, raw);
    if (externals.size() > 1) {
      throw invalid(Variable.MONITORING_EXTERNAL_URL, raw);
    }
    return new AlertSettings(
        rulesFile(raw),
        urls(Variable.MONITORING_ALERT_WEBHOOK_URLS, raw),
        urls(Variable.MONITORING_ALERTMANAGER_URL, raw),
        externals.stream().findFirst());
  }

  private static Optional<Path> rulesFile(Function<Variable, String> raw) {
    Variable v = Variable.MONITORING_ALERT_RULES;
    String value = raw.apply(v);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(value);
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        throw new ConfigException(v.name(), value, v.expected() + " (no readable file there)");
      }
      return Optional.of(path);
    } catch (InvalidPathException e) {
      throw invalid(v, raw);
    }
  }

  /** A comma-separated list of distinct http(s) URLs with a host; empty means none. */
  private static List<URI> urls(Variable v, Function<Variable, String> raw) {
    String value = raw.apply(v);
    List<URI> out = new ArrayList<>();
    if (value.isEmpty()) {
      return out;
    }
    for (String part : value.split(",", -1)) {
      try {
        URI uri = new URI(part.trim());
        String scheme = uri.getScheme();
        if (scheme == null
            || !(scheme.equals("http") || scheme.equals("https"))
            || uri.getHost() == null
            || out.contains(uri)) {
          throw invalid(v, raw);
        }
        out.add(uri);
      } catch (URISyntaxException e) {
        throw invalid(v, raw);
      }
    }
    return out;
  }

  private static ConfigException invalid(Variable v, Function<Variable, String> raw) {
    return new ConfigException(v.name(), v.secret() ? "***" : raw.apply(v), v.expected());
  }

  /** URLs as they may be printed: without user information or query. */
  static String masked(List<URI> urls) {
    return urls.stream().map(AlertSettings::masked).collect(Collectors.joining(","));
  }

  /** A URL as it may be printed or used as a label: without user information or query. */
  public static String masked(URI url) {
    try {
      return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null)
          .toString();
    } catch (URISyntaxException e) {
      return url.getScheme() + "://" + url.getHost();
    }
  }
}
