package io.frmonitor.collect.rabbitmq;

import io.frmonitor.config.RabbitSettings;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether the broker traces the watched vhost — copies every publish to {@code amq.rabbitmq.trace},
 * the firehose — from the management API's list of vhosts, filtered to that one ({@code GET
 * /api/vhosts?name=^<vhost>$}, its {@code tracing} flag). Not {@code GET /api/vhosts/<vhost>},
 * which RabbitMQ answers only for administrators: the list is open to the {@code monitoring} tag.
 * An operator switches tracing with {@code rabbitmqctl trace_on -p <vhost>}.
 *
 * <p>Thread safety: used by one poller thread.
 */
final class VhostTracing {
  private final ManagementApi api;
  private final String vhost;
  private final String path;

  VhostTracing(ManagementApi api, RabbitSettings settings) {
    this.api = api;
    this.vhost = settings.vhost();
    this.path =
        "/api/vhosts?page=1&page_size=100&use_regex=true&name="
            + encode("^" + literal(vhost) + "$")
            + "&columns=name,tracing";
  }

  /** The flag; empty when the API does not give it. */
  Optional<Boolean> read() throws IOException, InterruptedException {
    return QueueStatsParser.tracing(api.get(path), vhost);
  }

  /** The name as a regular expression matching only itself (PCRE: escape every symbol). */
  static String literal(String name) {
    StringBuilder out = new StringBuilder(name.length() * 2);
    name.codePoints()
        .forEach(
            c -> {
              if (!Character.isLetterOrDigit(c) && c < 128) {
                out.append('\\');
              }
              out.appendCodePoint(c);
            });
    return out.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
