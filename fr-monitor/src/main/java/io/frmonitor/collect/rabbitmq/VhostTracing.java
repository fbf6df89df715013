package io.frmonitor.collect.rabbitmq;

import io.frmonitor.config.RabbitSettings;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether the broker traces the watched vhost — copies every publish to {@code amq.rabbitmq.trace},
 * the firehose — from the management API ({@code GET /api/vhosts/<vhost>}, its {@code tracing}
 * flag). An operator switches it with {@code rabbitmqctl trace_on -p <vhost>}.
 *
 * <p>Thread safety: used by one poller thread.
 */
final class VhostTracing {
  private final ManagementApi api;
  private final String path;

  VhostTracing(ManagementApi api, RabbitSettings settings) {
    this.api = api;
    this.path =
        "/api/vhosts/"
            + URLEncoder.encode(settings.vhost(), StandardCharsets.UTF_8).replace("+", "%20")
            + "?columns=name,tracing";
  }

  /** The flag; empty when the API answers without one. */
  Optional<Boolean> read() throws IOException, InterruptedException {
    return QueueStatsParser.tracing(api.get(path));
  }
}
